using Spectre.Console;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// Follows a task until it succeeds, is dead-lettered, or the timeout passes. It wakes on the TaskManager's
// notifications (every committed chunk, failure and completion) and reads the task's progress then.
internal sealed class TaskFollower(TaskWatcher watcher, TaskProgressReader reader, IAnsiConsole console, TimeProvider time)
{
    // Rows of errors and rejections read with the task; the summary shows the first few.
    public const int Rows = 5;

    // A notification can be missed (a LISTEN connection that dropped and reconnected); this bounds the delay.
    private static readonly TimeSpan Reread = TimeSpan.FromSeconds(3);

    // Chunks of a fast task commit many times a second; notifications this close together are read once.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    public Task<TaskSubscription> SubscribeAsync(CancellationToken cancellationToken) => watcher.SubscribeAsync(cancellationToken);

    public Task<FollowOutcome> FollowAsync(TaskSubscription subscription, string taskId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Redrawing needs a terminal; anywhere else the progress degrades to plain lines.
        IProgressView view = console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive
            ? new LiveProgressView(console, time)
            : new PlainProgressView(console, time);
        return view.ShowAsync(update => FollowAsync(subscription, taskId, time.GetUtcNow() + timeout, update, cancellationToken));
    }

    private async Task<FollowOutcome> FollowAsync(
        TaskSubscription subscription,
        string taskId,
        DateTimeOffset deadline,
        Action<TaskProgress?> update,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            var progress = await reader.GetAsync(taskId, Rows, cancellationToken);
            update(progress);
            if (progress is { IsFinished: true })
            {
                return new FollowOutcome(progress, TimedOut: false);
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new FollowOutcome(progress, TimedOut: true);
            }

            if (await subscription.WaitAsync(taskId, left < Reread ? left : Reread, cancellationToken))
            {
                await SettleAsync(subscription, taskId, cancellationToken);
            }
        }
    }

    private async Task SettleAsync(TaskSubscription subscription, string taskId, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + Settle;
        for (var left = Settle; left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            if (!await subscription.WaitAsync(taskId, left, cancellationToken))
            {
                return;
            }
        }
    }
}
