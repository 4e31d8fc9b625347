using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.Queues;

// `queues --watch`: the table redrawn in place on a terminal, printed again with a time stamp elsewhere, until Ctrl-C.
internal static class QueuesWatch
{
    public static async Task RunAsync(IAnsiConsole console, QueueCountsReader reader, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            if (console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive)
            {
                await console.Live(Render(await reader.ReadAsync(cancellationToken), time)).StartAsync(async live =>
                {
                    while (true)
                    {
                        await Task.Delay(interval, time, cancellationToken);
                        live.UpdateTarget(Render(await reader.ReadAsync(cancellationToken), time));
                    }
                });
            }
            else
            {
                while (true)
                {
                    console.Write(Render(await reader.ReadAsync(cancellationToken), time));
                    await Task.Delay(interval, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C is how a watch ends.
        }
    }

    private static Rows Render(IReadOnlyList<QueueRow> rows, TimeProvider time) =>
        new(new Text($"{Formats.Time(time.GetUtcNow())}  (Ctrl-C to stop)"), QueuesTable.Create(rows));
}
