using Spectre.Console;
using Workers.Cli.Errors;
using Workers.Cli.Output;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// What `enqueue --wait` prints when following ends, and the exit code that goes with it.
internal static class WaitSummary
{
    public static int Write(IAnsiConsole console, string taskId, FollowOutcome outcome, TimeSpan timeout, TimeSpan wallClock)
    {
        if (outcome.TimedOut || outcome.Last is null)
        {
            var state = outcome.Last is { } last ? ProgressText.Describe(last) : "not picked up by any worker";
            console.MarkupLineInterpolated($"[red]timed out after {Formats.Duration(timeout)}: task {taskId} is {state}. It goes on; follow it with: workers task {taskId}[/]");
            return ExitCodes.Failure;
        }

        var progress = outcome.Last;
        var task = progress.Task;
        var succeeded = task.State == TaskState.Succeeded;
        var grid = Grids.LabelValue();
        grid.AddRow(new Markup(succeeded ? "[green]Succeeded[/]" : "[red]DeadLettered[/]"), new Text($"{task.TaskType} {task.TaskId} on {task.Worker}"));
        if (!succeeded)
        {
            grid.AddText("reason", task.LastError ?? "-");
        }

        grid.AddText("attempts", task.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddText("duration", task.DurationMs is { } ms ? $"{Formats.Duration(TimeSpan.FromMilliseconds(ms))} (last attempt, as the worker measured it)" : "-");
        grid.AddText("items applied", Formats.Count(task.ItemsDone - task.ItemsRejected));
        grid.AddText("items rejected", Formats.Count(task.ItemsRejected));
        foreach (var rejection in progress.Rejections)
        {
            grid.AddText("", $"  {rejection.ItemKey}: {rejection.Reason}");
        }

        if (task.ItemsRejected > progress.Rejections.Count)
        {
            grid.AddText("", $"  … and {Formats.Count(task.ItemsRejected - progress.Rejections.Count)} more: workers task {task.TaskId}");
        }

        foreach (var error in progress.Errors)
        {
            grid.AddText("error", $"attempt {error.Attempt} {error.Kind} {error.ExceptionType}: {error.Message}");
        }

        var rate = wallClock > TimeSpan.Zero ? task.ItemsDone / wallClock.TotalSeconds : 0;
        grid.AddText("wall clock", $"{Formats.Duration(wallClock)} from enqueue to finished, {Formats.Rate(rate)} items/s");
        console.Write(grid);
        return succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
