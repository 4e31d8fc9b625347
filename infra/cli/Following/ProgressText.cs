using Workers.Cli.Output;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// One reading of a task's progress in words; both views show this.
internal static class ProgressText
{
    public static string Describe(TaskProgress? progress)
    {
        if (progress is null)
        {
            return "queued: waiting for a worker to pick it up";
        }

        var task = progress.Task;
        var items = task.ItemsTotal is { } total ? $"{Formats.Count(task.ItemsDone)}/{Formats.Count(total)}" : Formats.Count(task.ItemsDone);
        var chunks = task.ChunksTotal is { } chunkTotal ? $"{task.ChunksDone}/{chunkTotal}" : task.ChunksDone.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{task.State} · attempt {task.Attempts} · {items} items · {chunks} chunks · {Formats.Count(task.ItemsRejected)} rejected";
    }
}
