using Amazon.SQS.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.TaskManager.Tests.Outbox;

// Base of the outbox tests: the test's own queue is worker "test"'s, and a second queue pair is "follow"'s,
// the target of its follow-ups.
public abstract class OutboxTest : TaskManagerTest
{
    protected TestQueues FollowQueues { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        FollowQueues = await TestQueues.CreateAsync(Stack.Sqs, "outbox-follow");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await FollowQueues.DisposeAsync();
    }

    // Where every process of this test finds both workers' queues.
    protected Dictionary<string, string?> OutboxSettings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Fleet:QueueUrls:test"] = Queues.QueueUrl,
            ["Fleet:QueueUrls:follow"] = FollowQueues.QueueUrl,
            ["TaskManager:Retry:BaseDelay"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    // A host of worker "test" (consumer of this test's queue, dispatcher of its outbox).
    protected IHost CreateSourceHost(IDictionary<string, string?>? settings = null) =>
        CreateHost(OutboxFleet.Test, OutboxSettings(settings), taskManagerOptions: t => t.UseDatabase<TestDbContext>(TestDbContext.Schema));

    // A host of worker "follow": it publishes the rows written for it outside a worker. Its consumer reads the
    // (idle) test queue unless `consume` is set, so the test itself can receive what was published.
    protected IHost CreateFollowHost(IDictionary<string, string?>? settings = null, bool consume = false)
    {
        var all = OutboxSettings(settings);
        all["TaskManager:QueueUrl"] = consume ? FollowQueues.QueueUrl : Queues.QueueUrl;
        return CreateHost(OutboxFleet.Follow, all, taskManagerOptions: t => t.UseDatabase<TestDbContext>(TestDbContext.Schema));
    }

    protected async Task<List<OutboxRecord>> OutboxAsync()
    {
        await using var db = new TaskStoreDbContext(new DbContextOptionsBuilder<TaskStoreDbContext>().UseNpgsql(Database.ConnectionString).Options);
        return await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync(Cancellation);
    }

    // The rows once every one is marked sent. The dispatcher marks a row after SQS took its message, so a test
    // that has just received the message can read the row a moment before its mark commits: polled, with a deadline.
    protected async Task<List<OutboxRecord>> SentOutboxAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var rows = await OutboxAsync();
            if (rows.All(r => r.SentAt is not null) || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), Cancellation);
        }
    }

    protected async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    // The follow queue's messages as SQS delivers them, deleted on receipt.
    protected Task<List<Message>> ReceiveFollowUpsAsync(int count, TimeSpan? within = null) =>
        FollowQueues.ReceiveAsync(FollowQueues.QueueUrl, count, within ?? Patience);

    // Nothing more arrives: a long poll of a few seconds comes back empty (SQS answers as soon as one is there).
    protected async Task AssertNoMoreFollowUpsAsync()
    {
        var more = await FollowQueues.ReceiveAsync(FollowQueues.QueueUrl, 1, TimeSpan.FromSeconds(3));
        Assert.Empty(more);
    }

    protected static string TaskIdOf(Message message) =>
        System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("taskId").GetString()!;

    protected static string BodyTextOf(Message message) =>
        System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("body").GetProperty("text").GetString()!;
}
