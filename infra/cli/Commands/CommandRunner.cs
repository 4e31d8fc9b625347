using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Composition;
using Workers.Cli.Errors;
using Workers.Fleet;

namespace Workers.Cli.Commands;

// Runs a command's action: builds the services for this run (with --env applied), opens a scope, and turns
// whatever the action throws into one red line and an exit code.
internal sealed class CommandRunner(
    GlobalOptions global,
    IDictionary<string, string?> settings,
    FleetDeclaration fleet,
    IReadOnlyList<ICommandGroup> groups,
    Consoles consoles)
{
    public GlobalOptions Global => global;

    public void SetAction(Command command, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, action, cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, ParseResult, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var reporter = new ErrorReporter(consoles.Error, parse.GetValue(global.Verbose));
        try
        {
            var configuration = CliConfiguration.Build(settings, parse.GetValue(global.Environment));
            await using var services = CliServices.Build(configuration, fleet, consoles, groups);
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider, parse, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Error.MarkupLine("[yellow]cancelled[/]");
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: every failure becomes one line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return reporter.Report(ex);
        }
    }
}
