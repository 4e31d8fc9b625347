using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Workers.Cli.Commands;

namespace Workers.Cli.Stack;

// workers stack start [--persist] | stop | status
internal sealed class StackCommand : ICommandGroup
{
    public void AddServices(IServiceCollection services) => services.AddTransient<StackScript>();

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var persist = new Option<bool>("--persist")
        {
            Description = "Keep fauxqs queues, messages and objects across restarts (slower).",
        };
        var start = new Command("start", "Start fauxqs and PostgreSQL if needed; create the database, queues and bucket.") { persist };
        runner.SetAction(start, (services, parse, _) =>
            services.GetRequiredService<StackScript>().RunAsync(parse.GetValue(persist) ? ["start", "--persist"] : ["start"]));

        var stop = new Command("stop", "Stop fauxqs and PostgreSQL (succeeds if already stopped).");
        runner.SetAction(stop, (services, _, _) => services.GetRequiredService<StackScript>().RunAsync(["stop"]));

        var status = new Command("status", "One line each; exit 0 if both run, 3 otherwise.");
        runner.SetAction(status, (services, _, _) => services.GetRequiredService<StackScript>().RunAsync(["status"]));

        return new Command("stack", "Run the local stack (infra/local/stack.sh): fauxqs for SQS and S3, and PostgreSQL.")
        {
            start,
            stop,
            status,
        };
    }
}
