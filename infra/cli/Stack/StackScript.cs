using System.Diagnostics;
using Spectre.Console;
using Workers.Cli.Composition;
using Workers.Cli.Errors;

namespace Workers.Cli.Stack;

// Runs infra/local/stack.sh, streaming its lines as they come (a first start installs packages for a while)
// and returning its exit code. The script is the one source of truth for the local stack; the CLI adds nothing.
internal sealed class StackScript(Consoles consoles)
{
    public async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var script = Path.Combine(RepositoryLocator.Find(), "infra", "local", "stack.sh");
        if (!File.Exists(script))
        {
            throw CliException.Failure($"{script} does not exist.");
        }

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw CliException.Failure("cannot start bash.");

        // The script runs with no standard input (as in CI), so nothing it starts can wait on a prompt.
        process.StandardInput.Close();
        var output = CopyAsync(process.StandardOutput, consoles.Out);
        var error = CopyAsync(process.StandardError, consoles.Error);

        // Not cancelled on Ctrl-C: the terminal sends SIGINT to the script too, and its exit code is what counts.
        await Task.WhenAll(output, error, process.WaitForExitAsync());
        return process.ExitCode;
    }

    private static async Task CopyAsync(StreamReader reader, IAnsiConsole target)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            target.WriteLine(line);
        }
    }
}
