using Npgsql;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Tests.Infrastructure;

namespace Workers.TaskManager.Tests;

public sealed class TaskWatcherTests : TaskManagerTest
{
    [Fact]
    public async Task A_wait_with_less_than_a_millisecond_left_times_out_instead_of_waiting_forever()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var subscription = await new TaskWatcher(dataSource).SubscribeAsync(Cancellation);

        // Npgsql reads a 0 ms timeout as "no timeout"; the bound below only keeps a regression from hanging the run.
        var notified = await subscription.WaitAsync("t-1", TimeSpan.FromTicks(5_000), Cancellation).WaitAsync(Patience, Cancellation);

        Assert.False(notified);
    }

    [Fact]
    public async Task A_follower_wakes_for_its_own_task_and_for_a_batch_of_finished_tasks_but_not_for_another_task()
    {
        await using var dataSource = NpgsqlDataSource.Create(Database.ConnectionString);
        await using var subscription = await new TaskWatcher(dataSource).SubscribeAsync(Cancellation);

        await NotifyAsync(dataSource, "someone-else");
        Assert.False(await subscription.WaitAsync("mine", TimeSpan.FromMilliseconds(500), Cancellation));

        await NotifyAsync(dataSource, "mine");
        Assert.True(await subscription.WaitAsync("mine", Patience, Cancellation));

        await NotifyAsync(dataSource, TaskNotifications.SeveralTasks);
        Assert.True(await subscription.WaitAsync("mine", Patience, Cancellation));
    }

    private static async Task NotifyAsync(NpgsqlDataSource dataSource, string payload)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.AddWithValue(TaskNotifications.Channel);
        command.Parameters.AddWithValue(payload);
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
