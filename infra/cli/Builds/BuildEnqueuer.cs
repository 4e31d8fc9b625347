using System.Text.Json.Nodes;
using Spectre.Console;
using Workers.Cli.Enqueue;
using Workers.Cli.Errors;
using Workers.Cli.Output;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.Cli.Builds;

// Publishes a build task ({buildId, source | sourceFile, options}) to the build worker and, with --wait, waits
// for it and prints the outcome.
internal sealed class BuildEnqueuer(ITaskPublisher publisher, FileUploader uploader, Lazy<BuildWaiter> waiter, IAnsiConsole console, TimeProvider time)
{
    private const string Worker = "build";

    // Sources above this go to S3 and the body carries where (SNS, in front of queues on AWS, takes 256 KiB).
    private const long InlineLimit = 200 * 1024;

    public async Task<int> RunAsync(BuildEnqueueRequest request, CancellationToken cancellationToken)
    {
        if (!request.Source.Exists)
        {
            throw CliException.Usage($"{request.Source.FullName} does not exist.");
        }

        var buildId = request.BuildId ?? $"b-{Guid.CreateVersion7():N}";
        var options = new JsonObject { ["engine"] = request.Engine };
        if (request.Dependencies.Count > 0)
        {
            options["dependencies"] = new JsonArray([.. request.Dependencies.Select(d => (JsonNode)d)]);
        }

        var body = new JsonObject { ["buildId"] = buildId, ["options"] = options };
        if (request.Source.Length > InlineLimit)
        {
            var stored = await uploader.UploadAsync(Worker, buildId, request.Source, cancellationToken);
            body["sourceFile"] = System.Text.Json.JsonSerializer.SerializeToNode(stored, TaskJson.Options);
            console.WriteLine($"uploaded   s3://{stored.Bucket}/{stored.Key} ({Formats.Count(stored.Size)} bytes)");
        }
        else
        {
            body["source"] = await File.ReadAllTextAsync(request.Source.FullName, cancellationToken);
        }

        // Subscribed before publishing: a warm build server finishes a component in milliseconds.
        await using var subscription = request.Wait ? await waiter.Value.SubscribeAsync(cancellationToken) : null;
        var started = time.GetTimestamp();
        var message = new TaskMessage("build", System.Text.Json.JsonSerializer.SerializeToElement(body), GroupId: buildId, TaskId: buildId);
        var published = await publisher.PublishAsync(Worker, message, cancellationToken);
        console.WriteLine($"build id   {buildId}");
        console.WriteLine($"enqueued   {request.Source.Name} ({request.Engine}) for the build worker, message {published.MessageId}");
        if (subscription is null)
        {
            console.WriteLine($"follow it  workers build {buildId}");
            return ExitCodes.Success;
        }

        var (build, task) = await waiter.Value.WaitAsync(subscription, published.TaskId, buildId, request.Timeout, cancellationToken);
        var wallClock = time.GetElapsedTime(started);
        if (build is null || !build.IsFinished)
        {
            var state = task is null ? "not picked up by a build worker" : $"{task.Task.State}, {task.Task.LastError ?? "no error"}";
            console.MarkupLineInterpolated($"[red]no outcome after {Formats.Duration(request.Timeout)} ({state}). It goes on; look again with: workers build {buildId}[/]");
            return ExitCodes.Failure;
        }

        BuildReport.Write(console, build);
        console.WriteLine($"wall clock {Formats.Duration(wallClock)} from enqueue to recorded");
        return build.Status == "succeeded" ? ExitCodes.Success : ExitCodes.Failure;
    }
}
