using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;

namespace Workers.Cli.Commands;

// A top-level command (stack, enqueue, queues, task, and later dlq) with its subcommands and the services its
// actions use. Adding one is a class implementing this plus one line in CommandGroups.
internal interface ICommandGroup
{
    // Registers the group's services explicitly; called by the composition root for every command run.
    void AddServices(IServiceCollection services);

    // Builds the command; actions are attached through the runner, which supplies services and handles errors.
    Command Create(CommandRunner runner);
}
