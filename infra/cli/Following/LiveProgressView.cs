using Spectre.Console;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// Progress on a terminal: a Spectre progress bar over items done of items total (indeterminate until the
// worker knows the total), with the state, attempt, chunks and rejections beside it.
internal sealed class LiveProgressView(IAnsiConsole console, TimeProvider time) : IProgressView
{
    public Task<T> ShowAsync<T>(Func<Action<TaskProgress?>, Task<T>> follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        return new Progress(console, time)
            .AutoClear(false)
            .Columns(
                new SpinnerColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var bar = context.AddTask(Markup.Escape(ProgressText.Describe(null)), maxValue: 1).IsIndeterminate(true);
                return await follow(progress => Update(bar, progress));
            });
    }

    private static void Update(ProgressTask bar, TaskProgress? progress)
    {
        bar.Description = Markup.Escape(ProgressText.Describe(progress));
        if (progress?.Task is not { } task)
        {
            return;
        }

        if (task.ItemsTotal is { } total && total > 0)
        {
            bar.IsIndeterminate = false;
            bar.MaxValue = total;
            bar.Value = task.ItemsDone;
        }

        if (progress.IsFinished)
        {
            bar.IsIndeterminate = false;
            bar.Value = bar.MaxValue;
            bar.StopTask();
        }
    }
}
