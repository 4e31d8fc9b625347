using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Cli.Composition;
using Workers.Cli.Errors;
using Workers.Cli.Stack;
using Workers.Infra.Render;

namespace Workers.Cli.Infra;

// workers infra render [--check]: copilot/, infra/cloudformation/ and the workers' Dockerfiles from shared/fleet.json (read from disk, not
// the copy embedded in this build, so an edited fleet renders without rebuilding first).
internal sealed class InfraCommand : ICommandGroup
{
    public void AddServices(IServiceCollection services)
    {
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; exit 1 and list the files that differ from what the fleet renders.",
        };
        var render = new Command("render", "Render copilot/, infra/cloudformation/ and the workers' Dockerfiles from shared/fleet.json.") { check };
        runner.SetAction(render, (services, parse, _) =>
        {
            var consoles = services.GetRequiredService<Consoles>();
            var root = RepositoryLocator.Find();
            var rendered = FleetRenderer.Render(FleetRenderer.ReadFleet(root), root);
            if (parse.GetValue(check))
            {
                var differences = RenderedTree.Differences(root, rendered);
                foreach (var difference in differences)
                {
                    consoles.Error.WriteLine(difference);
                }

                return Task.FromResult(differences.Count == 0 ? ExitCodes.Success : ExitCodes.Failure);
            }

            var changes = RenderedTree.Write(root, rendered);
            foreach (var change in changes)
            {
                consoles.Out.WriteLine(change);
            }

            consoles.Out.WriteLine(changes.Count == 0 ? "up to date" : $"{changes.Count} file(s) changed");
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("infra", "Deployment files: render copilot/, infra/cloudformation/ and the Dockerfiles from the fleet.") { render };
    }
}
