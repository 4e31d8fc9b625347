using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Workers.Cli.Commands;

namespace Workers.Cli.Builds;

// workers enqueue build <App.jsx> [--engine esbuild|vite] [--dependency <name>]... [--build-id <id>] [--wait]
//                                 [--timeout <duration>]
// A subcommand of enqueue: it shadows the generic `enqueue build build --body …`, which needs a build id and
// the source in JSON anyway.
internal static class EnqueueBuildCommand
{
    public static Command Create(CommandRunner runner)
    {
        var source = new Argument<FileInfo>("source") { Description = "The component: a .jsx file whose default export is a React component." };
        var engine = new Option<string>("--engine")
        {
            Description = "The bundler: esbuild (a warm context, milliseconds) or vite (Vite's build()).",
            DefaultValueFactory = _ => "esbuild",
        };
        engine.AcceptOnlyFromAmong("esbuild", "vite");
        var dependencies = new Option<string[]>("--dependency")
        {
            Description = "An extra package the component imports; it must be on the build server's allowlist. Repeatable.",
            HelpName = "package",
            AllowMultipleArgumentsPerToken = false,
        };
        var buildId = new Option<string?>("--build-id") { Description = "The build id (also the task id, so repeating the command enqueues once). Default: a new id.", HelpName = "id" };
        var wait = new Option<bool>("--wait") { Description = "Wait for the build, then print its status, duration and where the bundle is (exit 1 if it failed)." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "With --wait: give up waiting after this long (exit 1); the build goes on. E.g. 90s, 5m.",
            HelpName = "duration",
            CustomParser = Durations.Parse,
            DefaultValueFactory = _ => TimeSpan.FromMinutes(5),
        };

        var command = new Command("build", "Bundle a React component into one JavaScript file on the build worker.")
        {
            source, engine, dependencies, buildId, wait, timeout,
        };
        runner.SetAction(command, (services, parse, cancellationToken) =>
            services.GetRequiredService<BuildEnqueuer>().RunAsync(
                new BuildEnqueueRequest(
                    parse.GetRequiredValue(source),
                    parse.GetRequiredValue(engine),
                    parse.GetValue(dependencies) ?? [],
                    parse.GetValue(buildId),
                    parse.GetValue(wait),
                    parse.GetValue(timeout)),
                cancellationToken));
        return command;
    }
}
