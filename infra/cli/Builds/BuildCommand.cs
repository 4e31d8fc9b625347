using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Cli.Errors;

namespace Workers.Cli.Builds;

// workers build <id> [--output <file.js>] [--json]; `workers enqueue build <App.jsx>` is EnqueueBuildCommand,
// attached under enqueue.
internal sealed class BuildCommand : ICommandGroup
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<BuildReader>();
        services.AddScoped<BundleDownloader>();
        services.AddScoped<BuildEnqueuer>();
        services.AddScoped<BuildWaiter>();

        // Only --wait needs the database: the waiter is created when it is first used.
        services.AddScoped(sp => new Lazy<BuildWaiter>(sp.GetRequiredService<BuildWaiter>));
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var id = new Argument<string>("id") { Description = "The build id that `enqueue build` printed." };
        var output = new Option<FileInfo?>("--output")
        {
            Description = "Download the bundle to this file, with an HTML page beside it (<name>.html) that runs it in a browser.",
            HelpName = "file.js",
        };
        var json = new Option<bool>("--json") { Description = "Print the build's BuildResult document instead." };
        var command = new Command("build", "A build's record: status, duration, errors with line and column, where the bundle is.") { id, output, json };
        runner.SetAction(command, async (services, parse, cancellationToken) =>
        {
            var buildId = parse.GetRequiredValue(id);
            var build = await services.GetRequiredService<BuildReader>().GetAsync(buildId, cancellationToken)
                ?? throw CliException.Failure($"no build {buildId} recorded (a build is recorded once the build worker picks it up)");
            var console = services.GetRequiredService<IAnsiConsole>();
            if (parse.GetValue(json))
            {
                console.WriteLine(build.Result ?? "{}");
            }
            else
            {
                BuildReport.Write(console, build);
            }

            if (parse.GetValue(output) is { } file)
            {
                await services.GetRequiredService<BundleDownloader>().DownloadAsync(build, file, cancellationToken);
            }

            return build.Status == "failed" ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
