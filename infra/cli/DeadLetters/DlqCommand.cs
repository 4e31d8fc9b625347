using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spectre.Console;
using Workers.Cli.Commands;
using Workers.Cli.Errors;
using Workers.Cli.Queues;
using Workers.Fleet;

namespace Workers.Cli.DeadLetters;

// workers dlq list | peek <worker> [--max N] | redrive <worker> [--max N] [--dry-run] [--one-by-one] | purge <worker> [--yes]
internal sealed class DlqCommand(FleetDeclaration fleet) : ICommandGroup
{
    private const int DefaultPeek = 10;

    public void AddServices(IServiceCollection services)
    {
        services.TryAddScoped<QueueCountsReader>();
        services.AddScoped<DeadLetterQueueLocator>();
        services.AddScoped<FailureHistoryReader>();
        services.AddScoped<PeekHandler>();
        services.AddScoped<RedriveHandler>();
        services.AddScoped<PurgeHandler>();
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return new Command("dlq", "Dead-letter queues: how many messages each worker's holds, why they failed, and putting them back.")
        {
            List(runner),
            Peek(runner),
            Redrive(runner),
            Purge(runner),
        };
    }

    private static Command List(CommandRunner runner)
    {
        var command = new Command("list", "Messages visible and in flight in each worker's dead-letter queue.");
        runner.SetAction(command, async (services, _, cancellationToken) =>
        {
            var rows = await services.GetRequiredService<QueueCountsReader>().ReadAsync(cancellationToken);
            services.GetRequiredService<IAnsiConsole>().Write(DeadLetterListTable.Create(rows));
            return ExitCodes.Success;
        });
        return command;
    }

    private Command Peek(CommandRunner runner)
    {
        var worker = Worker();
        var max = Max($"Show at most N messages (default {DefaultPeek}).", DefaultPeek);
        var command = new Command("peek", "Show dead-lettered messages with why they failed, without taking them out of the queue.") { worker, max };
        runner.SetAction(command, (services, parse, cancellationToken) =>
            services.GetRequiredService<PeekHandler>().RunAsync(parse.GetRequiredValue(worker), parse.GetValue(max) ?? DefaultPeek, cancellationToken));
        return command;
    }

    private Command Redrive(CommandRunner runner)
    {
        var worker = Worker();
        var max = Max("Move at most N messages (moves them one by one).", null);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would move; move nothing." };
        var oneByOne = new Option<bool>("--one-by-one") { Description = "Move the messages through the CLI instead of SQS's move task (the default against an emulator)." };
        var command = new Command("redrive", "Put dead-lettered messages back on the worker's queue, in group order, each exactly once.") { worker, max, dryRun, oneByOne };
        runner.SetAction(command, (services, parse, cancellationToken) =>
            services.GetRequiredService<RedriveHandler>().RunAsync(
                new RedriveRequest(parse.GetRequiredValue(worker), parse.GetValue(max), parse.GetValue(dryRun), parse.GetValue(oneByOne)),
                cancellationToken));
        return command;
    }

    private Command Purge(CommandRunner runner)
    {
        var worker = Worker();
        var yes = new Option<bool>("--yes") { Description = "Do not ask for confirmation (required without a terminal, e.g. in CI)." };
        var command = new Command("purge", "Delete every message in the worker's dead-letter queue, after confirmation.") { worker, yes };
        runner.SetAction(command, (services, parse, cancellationToken) =>
            services.GetRequiredService<PurgeHandler>().RunAsync(parse.GetRequiredValue(worker), parse.GetValue(yes), cancellationToken));
        return command;
    }

    private Argument<string> Worker()
    {
        var names = string.Join(", ", fleet.Workers.Keys.Order());
        var worker = new Argument<string>("worker") { Description = $"The worker whose dead-letter queue to use ({names})." };
        worker.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !fleet.Workers.ContainsKey(result.Tokens[0].Value))
            {
                result.AddError($"unknown worker '{result.Tokens[0].Value}'; the fleet declares: {names}.");
            }
        });
        return worker;
    }

    private static Option<int?> Max(string description, int? fallback) => new("--max")
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int?>() is < 1)
                {
                    result.AddError("--max must be at least 1.");
                }
            },
        },
    };
}
