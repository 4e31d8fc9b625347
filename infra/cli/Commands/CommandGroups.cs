using Workers.Cli.ApiKeys;
using Workers.Cli.Builds;
using Workers.Cli.DeadLetters;
using Workers.Cli.Enqueue;
using Workers.Cli.Infra;
using Workers.Cli.Queues;
using Workers.Cli.Schedules;
using Workers.Cli.Stack;
using Workers.Cli.Tasks;
using Workers.Fleet;

namespace Workers.Cli.Commands;

// Every command group of `workers`, in the order `workers --help` lists them.
internal static class CommandGroups
{
    public static IReadOnlyList<ICommandGroup> Create(FleetDeclaration fleet) =>
    [
        new StackCommand(),
        new EnqueueCommand(fleet),
        new QueuesCommand(),
        new TaskCommand(),
        new SchedulesCommand(fleet),
        new BuildCommand(),
        new DlqCommand(fleet),
        new InfraCommand(),
        new ApiKeysCommand(),
    ];
}
