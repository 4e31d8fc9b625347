using Workers.Api.Notifications;

namespace Workers.Api.Builds;

// Reads a build, and with a wait, holds the request until it has finished or the wait is over, woken by the
// TaskManager's NOTIFY for the build's task (the build id is its task id). No polling: a re-read happens on a
// notification, or every few seconds only while the LISTEN connection is down.
internal sealed class BuildWaiter(BuildRecords records, FinishedBuildCache finished, AcceptedBuildStore accepted, TaskNotificationListener listener, TimeProvider time)
{
    private static readonly TimeSpan WithoutListen = TimeSpan.FromSeconds(2);

    public async Task<BuildDocument?> GetAsync(string buildId, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (finished.TryGet(buildId, out var done))
        {
            return done;
        }

        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            var notified = listener.WhenNotified(buildId);
            var document = await ReadAsync(buildId, cancellationToken);
            var left = deadline - time.GetUtcNow();
            if (document is null || document.Status is "succeeded" or "failed" || left <= TimeSpan.Zero)
            {
                return document;
            }

            if (!listener.IsListening && left > WithoutListen)
            {
                left = WithoutListen;
            }

            try
            {
                await notified.WaitAsync(left, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Read once more below: the wait is over, or LISTEN is down and a change may have gone unseen.
            }
        }
    }

    private async Task<BuildDocument?> ReadAsync(string buildId, CancellationToken cancellationToken)
    {
        if (await records.GetAsync(buildId, cancellationToken) is { } record)
        {
            var document = BuildDocument.From(record);
            finished.AddIfFinished(document);
            return document;
        }

        return await accepted.FindAsync(buildId, cancellationToken) is { } queued
            ? BuildDocument.QueuedBuild(buildId, queued.AcceptedAt)
            : null;
    }
}
