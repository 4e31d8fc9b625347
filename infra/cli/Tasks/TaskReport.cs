using System.Globalization;
using Spectre.Console;
using Workers.Cli.Output;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Tasks;

// What `workers task <id>` prints: the task's row, then its failed attempts, then its first rejected items.
internal static class TaskReport
{
    public static void Write(IAnsiConsole console, TaskProgress progress, bool verbose)
    {
        var task = progress.Task;
        var grid = Grids.LabelValue()
            .AddText("task", task.TaskId)
            .AddText("state", task.State.ToString())
            .AddText("worker", task.Worker)
            .AddText("type", task.TaskType)
            .AddText("group", task.GroupId ?? "-")
            .AddText("attempts", task.Attempts.ToString(CultureInfo.InvariantCulture))
            .AddText("chunks", $"{task.ChunksDone}/{(task.ChunksTotal?.ToString(CultureInfo.InvariantCulture) ?? "?")}")
            .AddText("items", $"{Formats.Count(task.ItemsDone)}/{Formats.Count(task.ItemsTotal)} done, {Formats.Count(task.ItemsRejected)} rejected")
            .AddText("created", Formats.Time(task.CreatedAt))
            .AddText("updated", Formats.Time(task.UpdatedAt))
            .AddText("finished", Formats.Time(task.FinishedAt))
            .AddText("duration", task.DurationMs is { } ms ? $"{Formats.Duration(TimeSpan.FromMilliseconds(ms))} (last attempt)" : "-")
            .AddText("last error", task.LastError ?? "-");
        console.Write(grid);

        if (progress.Errors.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Failed attempts[/] (newest first)");
            console.Write(ErrorsTable(progress.Errors));
            if (verbose)
            {
                foreach (var error in progress.Errors.Where(e => e.StackTrace is not null))
                {
                    console.WriteLine();
                    console.WriteLine($"attempt {error.Attempt}, {Formats.Time(error.OccurredAt)}:");
                    console.WriteLine(error.StackTrace!);
                }
            }
        }

        if (progress.Rejections.Count > 0)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]Rejected items[/] ({progress.Rejections.Count} of {Formats.Count(task.ItemsRejected)})");
            var rejections = new Table().AddColumn("item").AddColumn("reason").AddColumn("chunk");
            foreach (var rejection in progress.Rejections)
            {
                rejections.AddRow(new Text(rejection.ItemKey), new Text(rejection.Reason), new Text(rejection.Step));
            }

            console.Write(rejections);
        }
    }

    private static Table ErrorsTable(IReadOnlyList<TaskErrorRecord> errors)
    {
        var table = new Table().AddColumn("attempt").AddColumn("when").AddColumn("kind").AddColumn("exception").AddColumn("message");
        foreach (var error in errors)
        {
            table.AddRow(
                new Text(error.Attempt.ToString(CultureInfo.InvariantCulture)),
                new Text(Formats.Time(error.OccurredAt)),
                new Text(error.Permanent ? $"{error.Kind} (permanent)" : error.Kind),
                new Text(error.ExceptionType),
                new Text(error.Message));
        }

        return table;
    }
}
