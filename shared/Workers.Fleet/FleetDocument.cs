using System.Text.Json.Serialization;

namespace Workers.Fleet;

// The JSON shape of shared/fleet.json. Optional members (those with a default) fall back to "defaults";
// FleetDeclaration resolves them. Unknown members are an error, so a typo is not silently ignored.
internal sealed record FleetDocument(
    string Application,
    QueueNameTemplates QueueNames,
    string Bucket,
    FleetDefaults Defaults,
    IReadOnlyDictionary<string, WorkerDocument> Workers,
    IReadOnlyDictionary<string, TaskTypeDocument>? TaskTypes = null,
    IReadOnlyDictionary<string, ServiceDocument>? Services = null,
    IReadOnlyDictionary<string, ScheduleDocument>? Schedules = null);

// A recurring task the fleet scheduler enqueues (FleetSchedule). Group defaults to the schedule's name, Body to {},
// CatchUp to "each".
internal sealed record ScheduleDocument(
    string Worker,
    string TaskType,
    string Cron,
    string TimeZone,
    string? Group = null,
    System.Text.Json.JsonElement? Body = null,
    string? Description = null,
    string? CatchUp = null);

// A service that is not a queue worker: today the HTTP entry point (workers/api), a Copilot Load Balanced Web
// Service behind the environment's load balancer.
internal sealed record ServiceDocument(
    string Kind,
    int Port,
    string HealthPath,
    string? Description = null,
    DeployDocument? Deploy = null);

internal sealed record QueueNameTemplates(string Queue, string DeadLetterQueue);

internal sealed record FleetDefaults(
    int MaxReceiveCount,
    int VisibilityTimeoutSeconds,
    int MessageRetentionSeconds,
    int DeadLetterRetentionSeconds,
    int MaxInFlight,
    TaskTypeDocument TaskType,
    DeployDocument? Deploy = null);

internal sealed record WorkerDocument(
    IReadOnlyDictionary<string, TaskTypeDocument> TaskTypes,
    string? Description = null,
    int? VisibilityTimeoutSeconds = null,
    int? MaxReceiveCount = null,
    int? MaxInFlight = null,
    DeployDocument? Deploy = null,
    IReadOnlyList<string>? PublishesTo = null);

// How a worker runs in AWS: Fargate task size (a size above the defaults must say why) and the production task
// range. Copilot manifests and infra/ templates are rendered from it. HandWrittenDockerfile, when present, says
// why the worker's image cannot be the rendered one (the build worker carries Node.js); without it
// `workers infra render` writes the Dockerfile too. Secrets maps environment variables to Secrets Manager
// secrets of the environment ({application}/{environment}/<name>), beside the database's DB_SECRET.
internal sealed record DeployDocument(
    int? Cpu = null,
    int? Memory = null,
    string? Reason = null,
    int? MinTasks = null,
    int? MaxTasks = null,
    string? HandWrittenDockerfile = null,
    IReadOnlyDictionary<string, string>? Secrets = null);

internal sealed record TaskTypeDocument(
    int? ChunkSize = null,
    int? TimeoutSeconds = null,
    int? ChunkCooldownMilliseconds = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(FleetDocument))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
