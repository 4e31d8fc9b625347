using System.Security.Claims;
using System.Text.Json;
using Workers.Api.Data;
using Workers.Api.Idempotency;
using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.Api.Tasks;

// POST /api/tasks/{worker}/{type}: enqueues any task type the fleet declaration gives a worker, the body passed
// through as it is (the worker validates it strictly before its handler runs and dead-letters what does not
// fit, naming the JSON path). X-Message-Group-Id names the FIFO group (what must stay in order); Idempotency-Key
// makes a retry return the same task.
internal sealed class PostTaskHandler(FleetDeclaration fleet, IdempotencyStore idempotency, ITaskPublisher publisher, TimeProvider time, ILogger<PostTaskHandler> logger)
{
    public const string GroupHeader = "X-Message-Group-Id";

    public async Task<IResult> HandleAsync(string worker, string type, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!fleet.Workers.TryGetValue(worker, out var declared) || !declared.TaskTypes.ContainsKey(type))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such task type",
                detail: declared is null
                    ? $"No worker '{worker}' is declared (declared: {string.Join(", ", fleet.Workers.Keys.Order())})."
                    : $"Worker '{worker}' declares no task type '{type}' (declared: {string.Join(", ", declared.TaskTypes.Keys.Order())}).");
        }

        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be JSON (Content-Type: application/json)");
        }

        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [ex.Message] }, title: "The body is not JSON");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var group = request.Headers[GroupHeader].ToString();
        if (group.Length > 128 || group.Any(c => c is < '!' or > '~'))
        {
            errors[GroupHeader] = ["A message group id is 1 to 128 printable ASCII characters (SQS's limit)."];
        }

        var key = IdempotencyHeader.Read(request, out var keyProblem);
        if (keyProblem is not null)
        {
            errors[IdempotencyHeader.Name] = [keyProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The task request is invalid");
        }

        var keyId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var taskId = $"t-{Guid.CreateVersion7():N}";
        IdempotencyKey? claim = null;
        if (key is not null)
        {
            var operation = $"POST /api/tasks/{worker}/{type}";
            claim = new IdempotencyKey
            {
                KeyId = keyId,
                Key = key,
                Operation = operation,
                RequestSha256 = IdempotencyHeader.RequestHash(operation, $"{group}\n{body.GetRawText()}"),
                ResourceId = taskId,
                CreatedAt = time.GetUtcNow(),
            };
            if (await idempotency.ClaimAsync(claim, cancellationToken) is { } earlier)
            {
                if (earlier.Operation != claim.Operation || earlier.RequestSha256 != claim.RequestSha256)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "The Idempotency-Key was used for another request",
                        detail: $"Key '{key}' created task {earlier.ResourceId} from a different request.");
                }

                // Published again with the same task id: SQS drops the duplicate within its 5-minute window and the
                // worker skips a task it has recorded as done, so a first attempt that failed half-way is healed.
                claim = null;
                taskId = earlier.ResourceId;
            }
        }

        try
        {
            await publisher.PublishAsync(worker, new TaskMessage(type, body, GroupId: group.Length > 0 ? group : taskId, TaskId: taskId), cancellationToken);
        }
        catch when (claim is not null)
        {
            await idempotency.ReleaseAsync(claim);
            throw;
        }

        Log.TaskEnqueued(logger, taskId, worker, type, keyId);
        return TypedResults.Accepted((string?)null, new TaskAccepted(taskId, worker, type));
    }
}
