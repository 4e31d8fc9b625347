using System.Text.Json;
using Npgsql;
using Spectre.Console;
using Workers.Cli.Errors;
using Workers.Cli.Following;
using Workers.Cli.Output;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Publishing;

namespace Workers.Cli.Enqueue;

// Builds the body, uploads --file, publishes, and with --wait follows the task to its end.
internal sealed class EnqueueHandler(
    ITaskPublisher publisher,
    FileUploader uploader,
    Lazy<TaskFollower> follower,
    IAnsiConsole console,
    TimeProvider time,
    FleetDeclaration fleet,
    Lazy<NpgsqlDataSource> database)
{
    private const string FileMember = "file";

    public async Task<int> RunAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        // Everything typed is checked before anything is uploaded or sent.
        var body = TaskBody.Parse(request.Body, request.BodyFile);
        if (request.File is { } input && !input.Exists)
        {
            throw CliException.Usage($"--file {input.FullName} does not exist.");
        }

        if (request.File is not null && body.ContainsKey(FileMember))
        {
            throw CliException.Usage($"the body already has a '{FileMember}' member; --file sets it, so leave it out of the body.");
        }

        // The CLI names the task, so each invocation is a new task (content-based deduplication would silently
        // drop a deliberate second run) and --file knows where to upload before the message exists.
        var taskId = request.TaskId ?? Guid.CreateVersion7().ToString();
        var group = request.Group ?? request.TaskType;

        // Subscribed before publishing: a worker can finish a small task before the publish call returns.
        await using var subscription = request.Wait ? await follower.Value.SubscribeAsync(cancellationToken) : null;

        if (request.File is { } file)
        {
            var stored = await uploader.UploadAsync(request.Worker, taskId, file, cancellationToken);
            body[FileMember] = JsonSerializer.SerializeToNode(stored, TaskJson.Options);
            console.MarkupLineInterpolated($"uploaded   s3://{stored.Bucket}/{stored.Key} ({Formats.Count(stored.Size)} bytes{(stored.Rows is { } rows ? $", {Formats.Count(rows)} rows" : "")})");
        }

        var started = time.GetTimestamp();
        var message = new TaskMessage(request.TaskType, JsonSerializer.SerializeToElement(body), group, taskId);
        if (request.Delay is { } delay)
        {
            var dueAt = time.GetUtcNow() + delay;
            await using var connection = await database.Value.OpenConnectionAsync(cancellationToken);
            await TaskOutbox.EnqueueAsync(connection, null, fleet, request.Worker, message, dueAt, cancellationToken);
            console.MarkupLineInterpolated($"scheduled  {request.TaskType} for {request.Worker} in group {group}, due {dueAt:u} (the worker's outbox publishes it)");
            console.MarkupLineInterpolated($"task id    [bold]{taskId}[/]");
        }
        else
        {
            var published = await publisher.PublishAsync(request.Worker, message, cancellationToken);
            console.MarkupLineInterpolated($"enqueued   {request.TaskType} for {request.Worker} in group {group}");
            console.MarkupLineInterpolated($"task id    [bold]{published.TaskId}[/]");
            console.MarkupLineInterpolated($"message id {published.MessageId}");
        }

        if (subscription is null)
        {
            return ExitCodes.Success;
        }

        try
        {
            var outcome = await follower.Value.FollowAsync(subscription, taskId, request.Timeout, cancellationToken);
            return WaitSummary.Write(console, taskId, outcome, request.Timeout, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLineInterpolated($"[yellow]stopped waiting; the task goes on: workers task {taskId}[/]");
            return ExitCodes.Cancelled;
        }
    }
}
