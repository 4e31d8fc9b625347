using Workers.TaskManager;

namespace Workers.ExternalEc.UpdateProducts;

internal static class ProductPushes
{
    // Kept free at the end of the task's timeout for the last chunk's commit after its last HTTP wait.
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    public static DateTimeOffset Deadline<T>(TaskContext<T> task, TimeProvider time)
        where T : class => time.GetUtcNow() + task.Settings.Timeout - CommitMargin;
}
