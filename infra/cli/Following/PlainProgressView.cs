using Spectre.Console;
using Workers.Cli.Output;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Following;

// Progress for a pipe, a log or a test: a plain line each time the reading changes, nothing redrawn.
internal sealed class PlainProgressView(IAnsiConsole console, TimeProvider time) : IProgressView
{
    public Task<T> ShowAsync<T>(Func<Action<TaskProgress?>, Task<T>> follow)
    {
        ArgumentNullException.ThrowIfNull(follow);
        var started = time.GetTimestamp();
        string? last = null;
        return follow(progress =>
        {
            var line = ProgressText.Describe(progress);
            if (line != last)
            {
                last = line;
                console.WriteLine($"[{Formats.Duration(time.GetElapsedTime(started)),8}] {line}");
            }
        });
    }
}
