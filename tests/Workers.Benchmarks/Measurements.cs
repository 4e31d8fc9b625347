using System.Diagnostics;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// One measurement each, on fresh queues: run them a few times and report the median.
internal sealed class Measurements(LocalStack stack, TestDatabase database)
{
    private IAmazonSQS Sqs => stack.Sqs;

    public async Task<double> PlainLoopAsync(int messages, int groups, int loops)
    {
        await using var queues = await TestQueues.CreateAsync(Sqs, "bench-plain");
        await QueueFiller.FillAsync(Sqs, queues.QueueUrl, messages, groups);
        return await PlainLoop.MessagesPerSecondAsync(Sqs, queues.QueueUrl, messages, loops);
    }

    public async Task<double> TaskManagerAsync(int messages, int groups, int? maxInFlight, TimeSpan simulatedIo, bool recordTasks = true, int? pollers = null)
    {
        await using var queues = await TestQueues.CreateAsync(Sqs, "bench-tm");
        await QueueFiller.FillAsync(Sqs, queues.QueueUrl, messages, groups);
        var work = new BenchWork(simulatedIo, messages);
        using var host = BenchHost.Create(queues.QueueUrl, database, work, maxInFlight, recordTasks, pollers);
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        await work.Done.WaitAsync(TimeSpan.FromMinutes(10));
        var rate = messages / clock.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }

    // Light load: one task at a time, the next published only after the last was handled.
    public async Task<(double P50, double P95)> LatencyAsync(int samples)
    {
        await using var queues = await TestQueues.CreateAsync(Sqs, "bench-lat");
        using var handled = new SemaphoreSlim(0);
        long handledAt = 0;
        var work = new BenchWork(TimeSpan.Zero, int.MaxValue) { OnHandled = t => { Volatile.Write(ref handledAt, t); handled.Release(); } };
        using var host = BenchHost.Create(queues.QueueUrl, database, work, maxInFlight: 20);
        await host.StartAsync();
        var publisher = host.Services.GetRequiredService<ITaskPublisher>();
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples + 10; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            await publisher.PublishAsync("bench", TaskMessage.Create("bench", new BenchBody(i), $"g{i}"));
            await handled.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= 10)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, Volatile.Read(ref handledAt)).TotalMilliseconds);
            }
        }

        await host.StopAsync();
        latencies.Sort();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.95)]);
    }
}
