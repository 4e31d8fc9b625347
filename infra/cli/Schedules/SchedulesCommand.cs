using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Fleet;
using Workers.TaskManager.Scheduling;

namespace Workers.Cli.Schedules;

// workers schedules: each declared schedule's next and last run, and the outcome of the last.
internal sealed class SchedulesCommand(FleetDeclaration fleet) : ICommandGroup
{
    public void AddServices(IServiceCollection services)
    {
        // ScheduleReader comes with the database registration, as TaskProgressReader does.
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var command = new Command("schedules", "Each schedule of shared/fleet.json: its next run, its last run and how the last run's task ended.");
        runner.SetAction(command, async (services, _, cancellationToken) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var statuses = await services.GetRequiredService<ScheduleReader>().ReadAsync(fleet, now, cancellationToken);
            services.GetRequiredService<IAnsiConsole>().Write(SchedulesTable.Create(statuses, now));
            return 0;
        });
        return command;
    }
}
