namespace Workers.Cli.Tests.Infrastructure;

// Captures output and cancels `stop` the moment the text written so far contains `expected`, on the writing
// thread: the command sees the cancellation at its very next check, as if Ctrl-C came right after that line.
public sealed class CancellingWriter(string expected, CancellationTokenSource stop) : StringWriter
{
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
        if (!stop.IsCancellationRequested && ToString().Contains(expected, StringComparison.Ordinal))
        {
            stop.Cancel();
        }
    }
}
