using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Cli.Errors;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.Tasks;

// workers task <id> [--verbose]
internal sealed class TaskCommand : ICommandGroup
{
    // Errors and rejections shown; the task row keeps the totals.
    private const int Rows = 20;

    public void AddServices(IServiceCollection services)
    {
        // TaskProgressReader comes with AddTaskPublisher (through the database registration).
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var id = new Argument<string>("id") { Description = "The task id that enqueue printed." };
        var command = new Command("task", "A task's state, progress, failed attempts and rejected items.") { id };
        runner.SetAction(command, async (services, parse, cancellationToken) =>
        {
            var taskId = parse.GetRequiredValue(id);
            var progress = await services.GetRequiredService<TaskProgressReader>().GetAsync(taskId, Rows, cancellationToken);
            if (progress is null)
            {
                // Exit 1, not 2: a task is recorded once a worker picks it up, so the id may be right and early.
                throw CliException.Failure($"no task {taskId} recorded");
            }

            TaskReport.Write(services.GetRequiredService<IAnsiConsole>(), progress, parse.GetValue(runner.Global.Verbose));
            return ExitCodes.Success;
        });
        return command;
    }
}
