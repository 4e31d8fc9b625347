namespace Workers.Cli.Tests.Infrastructure;

// Captures output like a StringWriter and completes Seen once the text written so far contains `expected`,
// so a test can react to output (stop a watch) without polling it.
public sealed class SignallingWriter(string expected) : StringWriter
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
            _seen.TrySetResult();
        }
    }
}
