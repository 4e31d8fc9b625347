namespace Workers.Cli.Tests.Infrastructure;

// Runs the CLI in-process through its real entry point, capturing what it writes the way a pipe would see it.
public static class WorkersCli
{
    public static async Task<CliRun> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, CliConsole.Create(output), CliConsole.Create(errors), settings, TestContext.Current.CancellationToken);
        var run = new CliRun(exitCode, output.ToString(), errors.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine($"$ workers {string.Join(' ', args)}\n{run.Output}{run.Errors}exit {exitCode}");
        return run;
    }
}
