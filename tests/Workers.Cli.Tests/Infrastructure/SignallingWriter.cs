namespace Workers.Cli.Tests.Infrastructure;

// Captures output like a StringWriter and, once the text written so far contains `expected`, cancels `stop` (if
// given) and completes Seen. The cancel happens on the writing thread, before Write returns: the command sees it
// at its very next check, as if Ctrl-C came right after that line. Seen lets a test react to output (stop a
// watch) without polling it.
public sealed class SignallingWriter(string expected, CancellationTokenSource? stop = null) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        base.Write(buffer, index, count);
        Check();
    }

    private void Check()
    {
        if (!_seen.Task.IsCompleted && ToString().Contains(expected, StringComparison.Ordinal))
        {
            stop?.Cancel();
            _seen.TrySetResult();
        }
    }
}
