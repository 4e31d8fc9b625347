using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Outbox;

// The dispatcher's process is killed (Environment.FailFast at a failpoint: no cleanup, like kill -9) after the
// step committed its row but before the publish, and after the publish but before the row is marked sent. A
// second process of the worker publishes the row; the follow-up's handler commits its effect exactly once.
public sealed class OutboxCrashTests : OutboxTest
{
    private const string FollowUpTaskId = "follow-1";
    private readonly string _fleetFile = Path.GetTempFileName();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_fleetFile);
    }

    [Theory]
    [InlineData("outbox-before-publish")]
    [InlineData("outbox-after-publish")]
    public async Task A_follow_up_whose_publisher_was_killed_is_published_by_the_next_process_and_handled_once(string failpoint)
    {
        var receiver = CreateFollowHost(consume: true);
        Script.ScopedBehavior = async (task, services, ct) =>
        {
            var db = services.GetRequiredService<TestDbContext>();
            await task.TransactionAsync(
                token => db.Database.ExecuteSqlAsync($"INSERT INTO test.applied_items (task_id, item, attempt) VALUES ({task.Info.TaskId}, 1, {task.Info.Attempt})", token),
                ct);
        };
        var watch = await SubscribeAsync(receiver);
        await receiver.StartAsync(Cancellation);
        await File.WriteAllTextAsync(_fleetFile, OutboxFleet.Json, Cancellation);

        await using (var killed = StartWorker(failpoint))
        {
            await Publisher(receiver).PublishAsync("test", TaskMessage.Create("echo", new { text = "once", followUpTaskId = FollowUpTaskId }, "g"), Cancellation);
            Assert.NotEqual(0, await killed.WaitForExitAsync(Patience));
            Assert.Contains($"Failpoint {failpoint}", killed.Output, StringComparison.Ordinal);
        }

        var atCrash = Assert.Single(await OutboxAsync());
        Assert.Equal(FollowUpTaskId, atCrash.TaskId);
        Assert.Null(atCrash.SentAt);

        await using var next = StartWorker(failpoint: null);
        await next.WaitForLineAsync("Published 1 outbox task(s) to follow", Patience);
        await watch.UntilAsync(FollowUpTaskId, t => t.State == TaskState.Succeeded);

        Assert.NotNull(Assert.Single(await OutboxAsync()).SentAt);
        await using var connection = await OpenAsync();
        await using var applied = new Npgsql.NpgsqlCommand("SELECT count(*) FROM test.applied_items WHERE task_id = $1", connection) { Parameters = { new() { Value = FollowUpTaskId } } };
        Assert.Equal(1L, await applied.ExecuteScalarAsync(Cancellation));
    }

    private WorkerProcess StartWorker(string? failpoint)
    {
        var configuration = GetType().Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "tests", "Workers.OutboxTestWorker", "bin", configuration, "net10.0", "Workers.OutboxTestWorker.dll");
        return WorkerProcess.Start(failpoint ?? "publisher", dll, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Workers"] = Database.ConnectionString,
            ["Fleet__Environment"] = "local",
            ["Fleet__QueueUrls__test"] = Queues.QueueUrl,
            ["Fleet__QueueUrls__follow"] = FollowQueues.QueueUrl,
            ["TaskManager__QueueUrl"] = Queues.QueueUrl,
            ["Metrics__Emf"] = "false",
            ["OutboxTest__Fleet"] = _fleetFile,
            ["Logging__LogLevel__Workers.TaskManager.Outbox"] = "Debug",
            ["WORKERS_FAILPOINT"] = failpoint,
        });
    }
}
