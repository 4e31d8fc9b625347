using System.Diagnostics;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// One measurement each, on fresh queues: run them a few times and report the median.
internal sealed class Measurements(LocalStack stack, TestDatabase database)
{
    private readonly SqsRequestCounter _requests = new();
    private readonly CpuMeter _cpu = new();

    private IAmazonSQS Sqs => stack.Sqs;

    // SQS requests per 10 messages by action, and CPU per message, during the last drain (the filling of the queue not counted).
    public string LastRequests { get; private set; } = "";

    public async Task<DrainRate> PlainLoopAsync(int messages, int groups, int loops)
    {
        await using var queues = await TestQueues.CreateAsync(Sqs, "bench-plain");
        await QueueFiller.FillAsync(Sqs, queues.QueueUrl, messages, groups);
        _requests.Reset();
        _cpu.Start();
        var rate = await PlainLoop.MessagesPerSecondAsync(Sqs, queues.QueueUrl, messages, loops);
        LastRequests = $"{_requests.PerTenMessages(messages)}; {_cpu.PerMessage(messages)}";
        return rate;
    }

    public async Task<DrainRate> TaskManagerAsync(int messages, int groups, int? maxInFlight, TimeSpan simulatedIo, bool recordTasks = true, int? pollers = null)
    {
        await using var queues = await TestQueues.CreateAsync(Sqs, "bench-tm");
        await QueueFiller.FillAsync(Sqs, queues.QueueUrl, messages, groups);
        var work = new BenchWork(simulatedIo, messages);
        using var host = BenchHost.Create(queues.QueueUrl, database, work, maxInFlight, recordTasks, pollers);
        _requests.Reset();
        _cpu.Start();
        work.Clock.Restart();
        await host.StartAsync();
        await work.Done.WaitAsync(TimeSpan.FromMinutes(10));
        LastRequests = $"{_requests.PerTenMessages(messages)}; {_cpu.PerMessage(messages)}";
        await host.StopAsync();
        return work.Clock.Rate();
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
