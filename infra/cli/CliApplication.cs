using System.CommandLine;
using System.CommandLine.Invocation;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Cli.Composition;
using Workers.Cli.Errors;
using Workers.Fleet;

namespace Workers.Cli;

/// <summary>The <c>workers</c> command line, runnable in-process: Program.cs calls it, and so do the tests.</summary>
public static class CliApplication
{
    /// <summary>
    /// Parses <paramref name="args"/> and runs the command. Output goes to <paramref name="console"/>, errors to
    /// <paramref name="errors"/>; <paramref name="settings"/> override the environment variables the CLI reads
    /// (use configuration keys: <c>ConnectionStrings:Workers</c>, <c>Fleet:QueueUrls:product</c>).
    /// Returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        IAnsiConsole errors,
        IDictionary<string, string?> settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(errors);
        var fleet = FleetDeclaration.Current;
        var groups = CommandGroups.Create(fleet);
        var global = new GlobalOptions();
        var runner = new CommandRunner(global, settings, fleet, groups, new Consoles(console, errors));
        var root = new RootCommand("Operate the workers fleet: the local stack, tasks and queues.")
        {
            global.Environment,
            global.Verbose,
        };
        foreach (var group in groups)
        {
            root.Subcommands.Add(group.Create(runner));
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Profile.Out.Writer,
            Error = errors.Profile.Out.Writer,

            // The runner reports every failure itself; Ctrl-C is the caller's (Program.cs) to turn into cancellation.
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (args.Length == 0)
        {
            // A bare `workers` is someone finding their way: the commands, not an error about a missing one.
            await root.Parse(["--help"]).InvokeAsync(invocation, cancellationToken);
            return ExitCodes.Usage;
        }

        var parse = root.Parse(args);
        return parse.Action is ParseErrorAction
            ? ParseErrors.Report(parse, errors)
            : await parse.InvokeAsync(invocation, cancellationToken);
    }
}
