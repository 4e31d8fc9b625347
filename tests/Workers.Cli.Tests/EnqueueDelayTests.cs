using Npgsql;
using Workers.Cli.Tests.Infrastructure;

namespace Workers.Cli.Tests;

public sealed class EnqueueDelayTests : CliTest
{
    [Fact]
    public async Task Enqueue_with_a_delay_writes_the_task_to_the_outbox_due_later_and_sends_nothing_now()
    {
        var before = DateTimeOffset.UtcNow;

        var run = await RunAsync("enqueue", "product", "updateStock", "--body", """{"items":[{"sku":"a-1","quantity":3}]}""", "--delay", "72h");

        Assert.Equal(0, run.ExitCode);
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var select = new NpgsqlCommand("SELECT task_id, source_worker, target_worker, task_type, due_at, sent_at FROM taskmanager.outbox", connection);
        await using var reader = await select.ExecuteReaderAsync(Cancellation);
        Assert.True(await reader.ReadAsync(Cancellation));
        Assert.Equal(run.Value("task id"), reader.GetString(0));
        Assert.True(reader.IsDBNull(1));
        Assert.Equal(("product", "updateStock"), (reader.GetString(2), reader.GetString(3)));
        Assert.InRange(reader.GetFieldValue<DateTimeOffset>(4), before.AddDays(3), DateTimeOffset.UtcNow.AddDays(3));
        Assert.True(reader.IsDBNull(5));
        Assert.False(await reader.ReadAsync(Cancellation));
        Assert.Empty(await Queues.ReceiveAsync(Queues.QueueUrl, 1, TimeSpan.FromSeconds(2)));
    }
}
