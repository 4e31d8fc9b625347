using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// Where a followed task stood when following ended: finished, or still going when the timeout passed
// (Last is null if no worker had recorded it yet).
internal sealed record FollowOutcome(TaskProgress? Last, bool TimedOut);
