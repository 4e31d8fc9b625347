namespace Workers.Cli.Tests.Infrastructure;

// What one run of the CLI returned and wrote.
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public IReadOnlyList<string> ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // The value printed after a label such as "task id" by enqueue.
    public string Value(string label) =>
        OutputLines.Single(line => line.StartsWith(label + " ", StringComparison.Ordinal))[label.Length..].Trim();
}
