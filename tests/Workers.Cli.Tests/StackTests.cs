using Workers.Cli.Tests.Infrastructure;
using Workers.Testing;

namespace Workers.Cli.Tests;

public sealed class StackTests
{
    [Fact]
    public async Task Stack_status_streams_the_script_s_lines_and_returns_its_exit_code()
    {
        await LocalStack.GetAsync();

        var run = await WorkersCli.RunAsync(new Dictionary<string, string?>(), "stack", "status");

        // stack.sh status: one line each, exit 0 when both run and 3 otherwise.
        var fauxqs = Assert.Single(run.OutputLines, line => line.StartsWith("fauxqs ", StringComparison.Ordinal));
        var postgres = Assert.Single(run.OutputLines, line => line.StartsWith("postgres ", StringComparison.Ordinal));
        var bothRunning = fauxqs.Contains(" running ", StringComparison.Ordinal) && postgres.Contains(" running ", StringComparison.Ordinal);
        Assert.Equal(bothRunning ? 0 : 3, run.ExitCode);
    }

    [Fact]
    public async Task Stack_without_a_subcommand_is_a_usage_error()
    {
        var run = await WorkersCli.RunAsync(new Dictionary<string, string?>(), "stack");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Required command was not provided. See 'workers stack --help'.", Assert.Single(run.ErrorLines));
    }
}
