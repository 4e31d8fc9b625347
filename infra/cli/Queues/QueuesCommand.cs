using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Workers.Cli.Commands;

namespace Workers.Cli.Queues;

// workers queues [--watch [seconds]]
internal sealed class QueuesCommand : ICommandGroup
{
    private const int DefaultWatchSeconds = 5;

    public void AddServices(IServiceCollection services) => services.AddScoped<QueueCountsReader>();

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var watch = new Option<int?>("--watch")
        {
            Description = $"Refresh every N seconds (default {DefaultWatchSeconds}) until Ctrl-C.",
            HelpName = "seconds",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return DefaultWatchSeconds;
                }

                if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                {
                    return seconds;
                }

                result.AddError($"--watch takes a number of seconds, not '{result.Tokens[0].Value}'.");
                return null;
            },
        };
        var command = new Command("queues", "Messages waiting, in flight and delayed in each worker's queue, and in its dead-letter queue.") { watch };
        runner.SetAction(command, async (services, parse, cancellationToken) =>
        {
            var reader = services.GetRequiredService<QueueCountsReader>();
            var console = services.GetRequiredService<IAnsiConsole>();
            if (parse.GetValue(watch) is { } seconds)
            {
                await QueuesWatch.RunAsync(console, reader, TimeSpan.FromSeconds(seconds), services.GetRequiredService<TimeProvider>(), cancellationToken);
            }
            else
            {
                console.Write(QueuesTable.Create(await reader.ReadAsync(cancellationToken)));
            }

            return 0;
        });
        return command;
    }
}
