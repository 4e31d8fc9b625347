using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.TaskManager.Tests.Infrastructure;

// Waits for a task's row to reach a condition, woken by the TaskManager's NOTIFY on every change.
public sealed class TaskWatch(TaskSubscription subscription, string connectionString) : IAsyncDisposable
{
    public async Task<TaskRecord> UntilAsync(string taskId, Func<TaskRecord, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            await using (var db = new TaskStoreDbContext(new DbContextOptionsBuilder<TaskStoreDbContext>().UseNpgsql(connectionString).Options))
            {
                var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId);
                if (task is not null && condition(task))
                {
                    return task;
                }
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"Task {taskId} did not reach the expected state in time.");
            await subscription.WaitAsync(taskId, left, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync() => subscription.DisposeAsync();
}
