using Spectre.Console;

namespace Workers.Cli.DeadLetters;

// On a terminal: a progress bar over the messages to move, the last one moved beside it.
internal sealed class LiveRedriveView(IAnsiConsole console, TimeProvider time) : IRedriveView
{
    public Task ShowAsync(long total, Func<Action<RedriveProgress>, Task> move)
    {
        ArgumentNullException.ThrowIfNull(move);
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
                var bar = context.AddTask(Markup.Escape(new RedriveProgress(0, total, null, null).Describe()), maxValue: Math.Max(total, 1));
                try
                {
                    await move(progress =>
                    {
                        // Messages dead-lettered while the redrive runs make the total grow.
                        bar.MaxValue = Math.Max(Math.Max(progress.Total, progress.Moved), 1);
                        bar.Value = progress.Moved;
                        bar.Description = Markup.Escape(progress.Describe());
                    });
                }
                finally
                {
                    bar.StopTask();
                }
            });
    }
}
