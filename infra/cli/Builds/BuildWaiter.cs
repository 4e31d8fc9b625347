using Workers.TaskManager.Persistence;

namespace Workers.Cli.Builds;

// Waits until a build's task has finished (the TaskManager notifies on every task it records), then reads the
// build record. Null when the timeout passed first.
internal sealed class BuildWaiter(TaskWatcher watcher, TaskProgressReader tasks, BuildReader builds, TimeProvider time)
{
    // A notification can be missed (a LISTEN connection that dropped and reconnected); this bounds the delay.
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(3);

    public Task<TaskSubscription> SubscribeAsync(CancellationToken cancellationToken) => watcher.SubscribeAsync(cancellationToken);

    public async Task<(BuildView? Build, TaskProgress? Task)> WaitAsync(TaskSubscription subscription, string taskId, string buildId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var task = await tasks.GetAsync(taskId, 1, cancellationToken);
            if (task is { IsFinished: true })
            {
                return (await builds.GetAsync(buildId, cancellationToken), task);
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return (null, task);
            }

            await subscription.WaitAsync(taskId, left < Reread ? left : Reread, cancellationToken);
        }
    }
}
