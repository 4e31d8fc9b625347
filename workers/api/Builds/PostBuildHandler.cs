using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workers.Api.Data;
using Workers.Api.Idempotency;
using Workers.Api.Preview;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.Api.Builds;

// POST /api/builds: validates the request, claims its Idempotency-Key, records the build as accepted and
// publishes the build task to the build worker's queue. The TaskManager's publisher moves a body above
// ClaimCheck:ThresholdBytes to S3 (claim check); the worker reads it back before the handler runs.
internal sealed class PostBuildHandler(
    BuildRequestValidator validator,
    IdempotencyStore idempotency,
    AcceptedBuildStore accepted,
    ITaskPublisher publisher,
    TimeProvider time,
    PreviewTokens previews,
    ILogger<PostBuildHandler> logger)
{
    public const string Worker = "build";
    private const string Operation = "POST /api/builds";

    public async Task<IResult> HandleAsync(HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (body, readProblem) = await RequestBody.ReadAsync<BuildRequest>(request, cancellationToken);
        if (readProblem is not null)
        {
            return readProblem;
        }

        var errors = validator.Validate(body!);
        var key = IdempotencyHeader.Read(request, out var keyProblem);
        if (keyProblem is not null)
        {
            errors[IdempotencyHeader.Name] = [keyProblem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The build request is invalid");
        }

        var keyId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var build = new AcceptedBuild
        {
            BuildId = $"b-{Guid.CreateVersion7():N}",
            KeyId = keyId,
            SourceBytes = Encoding.UTF8.GetByteCount(body!.Source!),
            AcceptedAt = time.GetUtcNow(),
        };
        var message = Message(build.BuildId, body);

        IdempotencyKey? claim = null;
        var replayed = false;
        if (key is not null)
        {
            claim = new IdempotencyKey
            {
                KeyId = keyId,
                Key = key,
                Operation = Operation,
                RequestSha256 = IdempotencyHeader.RequestHash(Operation, JsonSerializer.Serialize(body, RequestBody.Options)),
                ResourceId = build.BuildId,
                CreatedAt = build.AcceptedAt,
            };
            if (await idempotency.ClaimAsync(claim, cancellationToken) is { } earlier)
            {
                if (earlier.Operation != claim.Operation || earlier.RequestSha256 != claim.RequestSha256)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "The Idempotency-Key was used for another request",
                        detail: $"Key '{key}' created build {earlier.ResourceId} from a different request; use a new key for a new build.");
                }

                // The first request's build. Published again when it was never recorded as accepted (the first
                // attempt failed half-way): the same task id makes SQS drop a duplicate within its 5-minute
                // window, and after it the worker skips a task it already recorded.
                replayed = true;
                if (await accepted.FindAsync(earlier.ResourceId, cancellationToken) is { } first)
                {
                    return Accepted(first.BuildId, null, replayed);
                }

                build.BuildId = earlier.ResourceId;
                message = Message(build.BuildId, body);
            }
        }

        bool claimCheck;
        try
        {
            await accepted.AddAsync(build, cancellationToken);
            var published = await publisher.PublishAsync(Worker, message, cancellationToken);
            claimCheck = published.ClaimCheck is not null;
        }
        catch when (!replayed)
        {
            await accepted.RemoveAsync(build.BuildId);
            if (claim is not null)
            {
                await idempotency.ReleaseAsync(claim);
            }

            throw;
        }

        Log.BuildAccepted(logger, build.BuildId, keyId, build.SourceBytes, claimCheck);
        return Accepted(build.BuildId, claimCheck, replayed);
    }

    private static TaskMessage Message(string buildId, BuildRequest request)
    {
        // The build worker's body (BuildBody): {buildId, source, options}; the build id is also the task id, so
        // its task's notifications wake the long polls of GET /api/builds/{id}?wait=.
        var body = new JsonObject
        {
            ["buildId"] = buildId,
            ["source"] = request.Source,
        };
        if (request.Options is { } options)
        {
            body["options"] = JsonSerializer.SerializeToNode(options, TaskJson.Options);
        }

        return new TaskMessage("build", JsonSerializer.SerializeToElement(body), GroupId: buildId, TaskId: buildId);
    }

    private IResult Accepted(string buildId, bool? claimCheck, bool replayed)
    {
        var links = BuildLinks.For(buildId, bundle: false);
        return TypedResults.Accepted(links.Self, new BuildAccepted(buildId, BuildDocument.Queued, links.Self, previews.Link(buildId), claimCheck, replayed));
    }
}
