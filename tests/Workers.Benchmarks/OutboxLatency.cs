using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Workers.Fleet;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// Commit → follow-up handled: a transaction enqueues a task through the outbox and commits; the target worker's
// dispatcher is woken by the NOTIFY, publishes it to SQS, and the same worker's consumer hands it to its handler.
// Light load: one at a time. Burst: all committed as fast as 8 connections can, then measured per task.
internal sealed class OutboxLatency(LocalStack stack, TestDatabase database)
{
    private static readonly FleetDeclaration Fleet = FleetDeclaration.Parse(TestFleet.Json(
        """{ "sink": { "taskTypes": { "bench": {} } } }""",
        maxInFlight: 100));

    public async Task<(double P50, double P95)> RunAsync(int samples, bool burst)
    {
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-outbox");
        var sink = new OutboxSink(samples);
        using var host = CreateHost(queues.QueueUrl, sink);
        await host.StartAsync();
        var committedAt = new long[samples];
        var run = Guid.NewGuid().ToString("N")[..8];
        if (burst)
        {
            await Parallel.ForAsync(0, samples, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) => committedAt[i] = await EnqueueAsync(run, i, ct));
            await sink.All.WaitAsync(TimeSpan.FromMinutes(5));
        }
        else
        {
            for (var i = 0; i < samples; i++)
            {
                committedAt[i] = await EnqueueAsync(run, i, CancellationToken.None);
                await sink.Each.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }

        await host.StopAsync();
        var latencies = Enumerable.Range(0, samples).Select(i => Stopwatch.GetElapsedTime(committedAt[i], sink.HandledAt[i]).TotalMilliseconds).Order().ToList();
        return (latencies[latencies.Count / 2], latencies[(int)(latencies.Count * 0.95)]);
    }

    private async Task<long> EnqueueAsync(string run, int n, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TaskOutbox.EnqueueAsync(connection, transaction, Fleet, "sink", TaskMessage.Create("bench", new BenchBody(n), $"g{n % 50}", $"{run}-{n}"), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Stopwatch.GetTimestamp();
    }

    private IHost CreateHost(string queueUrl, OutboxSink sink) =>
        SinkHost.Create(Fleet, queueUrl, database.ConnectionString, sink, tasks => tasks.AddTask<BenchBody, OutboxSinkHandler>("bench"));
}
