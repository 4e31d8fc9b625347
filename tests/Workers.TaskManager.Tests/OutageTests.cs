using System.Collections.Concurrent;
using System.Net;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

// A dependency a handler declares down (TransientDependencyException) is waited out like the database: the
// message is held, its receive count does not rise, receiving pauses, and it resumes in its group's order.
public sealed class OutageTests : TaskManagerTest
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task A_declared_outage_longer_than_three_tries_holds_messages_in_place_and_loses_no_receive_and_no_order()
    {
        // Refuses more requests than three receives would survive: without holding, the first messages would be
        // dead-lettered (Retry:BaseDelay is 0, so they would burn their receives at once).
        using var partner = new PartnerApi(refusals: 12);
        var succeeded = new ConcurrentQueue<(string Group, int Sequence)>();
        Script.Behavior = async (task, ct) =>
        {
            using var response = await Http.GetAsync(partner.Url, ct);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new TransientDependencyException("partner-api", "The partner API answered 503.", response.Headers.RetryAfter?.Delta);
            }

            succeeded.Enqueue((task.Info.GroupId!, task.Body.Sequence));
        };
        var host = CreateHost(settings: FastOutageSettings());
        var watcher = await SubscribeAsync(host);
        await host.StartAsync(Cancellation);

        var published = new List<PublishedTask>();
        for (var sequence = 0; sequence < 4; sequence++)
        {
            foreach (var group in new[] { "a", "b", "c" })
            {
                published.Add(await PublishAsync(host, "echo", new Echo($"{group}{sequence}", sequence), group, $"{group}-{sequence}-{Guid.NewGuid():N}"));
            }
        }

        foreach (var task in published)
        {
            await watcher.UntilAsync(task.TaskId, t => t.State == TaskState.Succeeded, Patience);
        }

        Assert.Equal(12, partner.Refused);
        Assert.Empty(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, TimeSpan.FromSeconds(1)));
        foreach (var task in published)
        {
            Assert.Equal(1, (await TaskAsync(task.TaskId))!.Attempts);
        }

        foreach (var group in new[] { "a", "b", "c" })
        {
            Assert.Equal([0, 1, 2, 3], succeeded.Where(s => s.Group == group).Select(s => s.Sequence));
        }

        // One error row per task that met the outage, however many probes it ran.
        var errors = await ErrorsAsync();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("DependencyUnavailable", e.Kind));
        Assert.Equal(errors.Count, errors.Select(e => e.TaskId).Distinct().Count());
    }

    [Fact]
    public async Task A_message_held_past_the_hold_bound_goes_back_with_backoff_and_is_dead_lettered_after_its_third_receive()
    {
        using var partner = new PartnerApi(refusals: int.MaxValue);
        Script.Behavior = async (_, ct) =>
        {
            using var response = await Http.GetAsync(partner.Url, ct);
            throw new TransientDependencyException("partner-api", $"The partner API answered {(int)response.StatusCode}.");
        };
        var settings = FastOutageSettings();
        settings["TaskManager:Outage:MaxHold"] = "00:00:01";
        var host = CreateHost(settings: settings);
        await host.StartAsync(Cancellation);

        var published = await PublishAsync(host, "echo", new Echo("never gets through"));
        var dead = Assert.Single(await Queues.ReceiveAsync(Queues.DeadLetterUrl, 1, Patience));

        Assert.Equal(published.MessageId, dead.MessageId);
        var task = await TaskAsync(published.TaskId);
        Assert.Equal(TaskState.DeadLettered, task!.State);
        Assert.Equal(3, task.Attempts);
        // Each receive's hold is recorded once, and the last one's end says why it was dead-lettered.
        var errors = await ErrorsAsync(published.TaskId);
        Assert.Equal([1, 2, 3, 3], errors.Select(e => e.Attempt));
        Assert.All(errors, e => Assert.Equal("DependencyUnavailable", e.Kind));
        Assert.StartsWith("Held 00:00:01 waiting for partner-api", errors[^1].Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> FastOutageSettings()
    {
        var settings = QueueSettings();
        settings["TaskManager:Retry:BaseDelay"] = "00:00:00";
        settings["TaskManager:Outage:ProbeBaseDelay"] = "00:00:00.050";
        settings["TaskManager:Outage:ProbeMaxDelay"] = "00:00:00.200";
        return settings;
    }
}
