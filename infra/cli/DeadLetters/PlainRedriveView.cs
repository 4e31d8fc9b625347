using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.DeadLetters;

// For a pipe, a log or a test: a line for each message moved (or each change of a move task's count).
internal sealed class PlainRedriveView(IAnsiConsole console, TimeProvider time) : IRedriveView
{
    public Task ShowAsync(long total, Func<Action<RedriveProgress>, Task> move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var started = time.GetTimestamp();
        string? last = null;
        return move(progress =>
        {
            var line = progress.Describe();
            if (line != last)
            {
                last = line;
                console.WriteLine($"[{Formats.Duration(time.GetElapsedTime(started)),8}] {line}");
            }
        });
    }
}
