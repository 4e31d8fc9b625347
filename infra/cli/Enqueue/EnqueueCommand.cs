using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workers.Cli.Commands;
using Workers.Cli.Following;
using Workers.Fleet;

namespace Workers.Cli.Enqueue;

// workers enqueue <worker> <task-type> [--body <json> | --body-file <path>] [--file <path>] [--group <id>]
//                 [--task-id <id>] [--wait] [--timeout <duration>] [--delay <duration>]
internal sealed class EnqueueCommand(FleetDeclaration fleet) : ICommandGroup
{
    // Task ids are ledger keys and S3 key parts; the TaskManager stores at most this many characters.
    private const int MaxTaskIdLength = 128;

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<EnqueueHandler>();
        services.AddScoped<FileUploader>();
        services.AddScoped<TaskFollower>();

        // Only --wait and --delay need the database: the follower and the data source are resolved when first used.
        services.AddScoped(sp => new Lazy<TaskFollower>(sp.GetRequiredService<TaskFollower>));
        services.AddScoped(sp => new Lazy<NpgsqlDataSource>(sp.GetRequiredService<NpgsqlDataSource>));
    }

    public Command Create(CommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var worker = new Argument<string>("worker") { Description = $"The worker whose queue gets the task ({string.Join(", ", fleet.Workers.Keys.Order())})." };
        var taskType = new Argument<string>("task-type") { Description = "The task type, as the fleet declares it for the worker (e.g. updateStock)." };
        var body = new Option<string?>("--body") { Description = "The task body: a JSON object. {} when neither --body nor --body-file is given.", HelpName = "json" };
        var bodyFile = new Option<FileInfo?>("--body-file") { Description = "Read the body from this JSON file.", HelpName = "path" };
        var file = new Option<FileInfo?>("--file")
        {
            Description = "Upload this file to the fleet bucket and put its location in the body's 'file' member (rows counted for a .csv).",
            HelpName = "path",
        };
        var group = new Option<string?>("--group")
        {
            // Tasks of one group run one at a time, in order. The task type as default keeps an operator's tasks
            // of one type in the order they were enqueued, the safe choice for imports and stock updates; name
            // groups (a store, an order) to let unrelated tasks run in parallel.
            Description = "The FIFO message group; tasks of one group run in order. Default: the task type.",
            HelpName = "id",
        };
        var taskId = new Option<string?>("--task-id")
        {
            Description = "The task id; also the deduplication key, so repeating the command within 5 minutes enqueues once. Default: a new id.",
            HelpName = "id",
        };
        var wait = new Option<bool>("--wait") { Description = "Follow the task until it succeeds (exit 0) or is dead-lettered (exit 1)." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "With --wait: give up waiting after this long (exit 1); the task goes on. E.g. 90s, 5m, 1h.",
            HelpName = "duration",
            CustomParser = Durations.Parse,
            DefaultValueFactory = _ => TimeSpan.FromMinutes(30),
        };

        var delay = new Option<TimeSpan?>("--delay")
        {
            // FIFO queues have no per-message delay (and SQS's own caps at 15 minutes): the task waits in the
            // database's outbox and the worker's dispatcher publishes it when due.
            Description = "Publish the task this long from now (e.g. 90s, 5m, 72h) through the worker's outbox, in the fleet's database.",
            HelpName = "duration",
            CustomParser = result => Durations.Parse(result),
        };

        var command = new Command("enqueue", "Publish a task to a worker's queue, optionally following it to the end.")
        {
            worker, taskType, body, bodyFile, file, group, taskId, wait, timeout, delay,
        };

        command.Subcommands.Add(Builds.EnqueueBuildCommand.Create(runner));

        // One command validator checks the arguments too: System.CommandLine runs command validators first, and
        // reading an argument's value there skips that argument's own validators.
        command.Validators.Add(result =>
        {
            // A missing argument is reported by the parser itself.
            if (result.GetValue(worker) is { } name)
            {
                if (!fleet.Workers.TryGetValue(name, out var declared))
                {
                    result.AddError($"unknown worker '{name}'; the fleet declares: {string.Join(", ", fleet.Workers.Keys.Order())}.");
                }
                else if (result.GetValue(taskType) is { } type && !declared.TaskTypes.ContainsKey(type))
                {
                    result.AddError($"unknown task type '{type}' for worker '{name}'; it handles: {string.Join(", ", declared.TaskTypes.Keys.Order())}.");
                }
            }

            if (result.GetResult(body) is not null && result.GetResult(bodyFile) is not null)
            {
                result.AddError("give the body with --body or with --body-file, not both.");
            }

            if (result.GetValue(taskId) is { } id && (id.Length is 0 or > MaxTaskIdLength || id.Any(char.IsWhiteSpace)))
            {
                result.AddError($"--task-id must be 1 to {MaxTaskIdLength} characters without spaces.");
            }
        });

        runner.SetAction(command, (services, parse, cancellationToken) =>
            services.GetRequiredService<EnqueueHandler>().RunAsync(
                new EnqueueRequest(
                    parse.GetRequiredValue(worker),
                    parse.GetRequiredValue(taskType),
                    parse.GetValue(body),
                    parse.GetValue(bodyFile),
                    parse.GetValue(file),
                    parse.GetValue(group),
                    parse.GetValue(taskId),
                    parse.GetValue(wait),
                    parse.GetValue(timeout),
                    parse.GetValue(delay)),
                cancellationToken));
        return command;
    }
}
