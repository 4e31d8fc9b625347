using System.Collections.Frozen;
using System.Text.Json;

namespace Workers.Fleet;

/// <summary>
/// The one declaration of the fleet (<c>shared/fleet.json</c>): which workers exist, the names of their queues
/// and dead-letter queues, redrive and visibility settings, and per-task-type settings. The local stack scripts,
/// the workers, <c>copilot/</c> and <c>infra/</c> all read it or are checked against it.
/// </summary>
public sealed class FleetDeclaration
{
    private const string ResourceName = "Workers.Fleet.fleet.json";
    private static readonly Lazy<FleetDeclaration> Embedded = new(LoadEmbedded);

    private readonly string _bucketTemplate;

    private FleetDeclaration(FleetDocument document)
    {
        Application = document.Application;
        QueueNameTemplate = document.QueueNames.Queue;
        DeadLetterQueueNameTemplate = document.QueueNames.DeadLetterQueue;
        _bucketTemplate = document.Bucket;
        MessageRetention = TimeSpan.FromSeconds(document.Defaults.MessageRetentionSeconds);
        DeadLetterRetention = TimeSpan.FromSeconds(document.Defaults.DeadLetterRetentionSeconds);
        Workers = document.Workers
            .Select(pair => Resolve(pair.Key, pair.Value, document.Defaults, document.TaskTypes ?? new Dictionary<string, TaskTypeDocument>()))
            .ToFrozenDictionary(worker => worker.Name, StringComparer.Ordinal);
        Services = (document.Services ?? new Dictionary<string, ServiceDocument>())
            .Select(pair => new FleetService(pair.Key, pair.Value.Kind, pair.Value.Description ?? pair.Key, pair.Value.Port, pair.Value.HealthPath, Deployment(pair.Value.Deploy, document.Defaults)))
            .ToFrozenDictionary(service => service.Name, StringComparer.Ordinal);
        Schedules = (document.Schedules ?? new Dictionary<string, ScheduleDocument>())
            .Select(pair => new FleetSchedule(pair.Key, pair.Value))
            .ToFrozenDictionary(schedule => schedule.Name, StringComparer.Ordinal);
    }

    /// <summary>The declaration compiled into this assembly from <c>shared/fleet.json</c>.</summary>
    public static FleetDeclaration Current => Embedded.Value;

    /// <summary>The application name every queue and bucket name starts with.</summary>
    public string Application { get; }

    /// <summary>How long a queue keeps an unprocessed message.</summary>
    public TimeSpan MessageRetention { get; }

    /// <summary>How long a dead-letter queue keeps a message; the longest SQS allows, for investigation.</summary>
    public TimeSpan DeadLetterRetention { get; }

    /// <summary>The declared workers by name.</summary>
    public IReadOnlyDictionary<string, FleetWorker> Workers { get; }

    /// <summary>The declared services (the HTTP entry point) by name; none in a declaration without them.</summary>
    public IReadOnlyDictionary<string, FleetService> Services { get; }

    /// <summary>The recurring tasks the fleet scheduler enqueues, by name; none in a declaration without them.</summary>
    public IReadOnlyDictionary<string, FleetSchedule> Schedules { get; }

    internal string QueueNameTemplate { get; }

    internal string DeadLetterQueueNameTemplate { get; }

    /// <summary>The worker named <paramref name="name"/>, or an exception listing the declared ones.</summary>
    public FleetWorker Worker(string name) =>
        Workers.TryGetValue(name, out var worker)
            ? worker
            : throw new KeyNotFoundException(
                $"Worker '{name}' is not declared in shared/fleet.json (declared: {string.Join(", ", Workers.Keys.Order())}).");

    /// <summary>The bucket for claim checks and artifacts in <paramref name="environment"/>.</summary>
    public string BucketName(string environment) => Expand(_bucketTemplate, environment, worker: "");

    /// <summary>Parses and validates a fleet declaration; every problem is reported in one exception.</summary>
    public static FleetDeclaration Parse(string json)
    {
        FleetDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, FleetJsonContext.Default.FleetDocument);
        }
        catch (JsonException ex)
        {
            throw new FleetDeclarationException([$"fleet.json is not a valid declaration: {ex.Message}"]);
        }

        if (document is null)
        {
            throw new FleetDeclarationException(["fleet.json is empty."]);
        }

        var errors = FleetValidator.Validate(document);
        return errors.Count > 0 ? throw new FleetDeclarationException(errors) : new FleetDeclaration(document);
    }

    internal string Expand(string template, string environment, string worker) =>
        template
            .Replace("{application}", Application, StringComparison.Ordinal)
            .Replace("{environment}", environment, StringComparison.Ordinal)
            .Replace("{worker}", worker, StringComparison.Ordinal);

    // A task type's setting comes from the worker's declaration, else the fleet's catalog of task types, else
    // the fleet defaults.
    private FleetWorker Resolve(string name, WorkerDocument worker, FleetDefaults defaults, IReadOnlyDictionary<string, TaskTypeDocument> catalog) =>
        new(
            this,
            name,
            worker.Description ?? name,
            TimeSpan.FromSeconds(worker.VisibilityTimeoutSeconds ?? defaults.VisibilityTimeoutSeconds),
            worker.MaxReceiveCount ?? defaults.MaxReceiveCount,
            worker.MaxInFlight ?? defaults.MaxInFlight,
            worker.TaskTypes
                .Select(pair =>
                {
                    var shared = catalog.GetValueOrDefault(pair.Key);
                    return new FleetTaskType(
                        pair.Key,
                        pair.Value.ChunkSize ?? shared?.ChunkSize ?? defaults.TaskType.ChunkSize!.Value,
                        TimeSpan.FromSeconds(pair.Value.TimeoutSeconds ?? shared?.TimeoutSeconds ?? defaults.TaskType.TimeoutSeconds!.Value),
                        TimeSpan.FromMilliseconds(
                            pair.Value.ChunkCooldownMilliseconds ?? shared?.ChunkCooldownMilliseconds ?? defaults.TaskType.ChunkCooldownMilliseconds ?? 0));
                })
                .ToFrozenDictionary(taskType => taskType.Name, StringComparer.Ordinal),
            Deployment(worker.Deploy, defaults),
            worker.PublishesTo ?? []);

    private static FleetDeployment Deployment(DeployDocument? deploy, FleetDefaults defaults) =>
        new(
            deploy?.Cpu ?? defaults.Deploy?.Cpu ?? FleetDeployment.DefaultCpu,
            deploy?.Memory ?? defaults.Deploy?.Memory ?? FleetDeployment.DefaultMemory,
            deploy?.Reason,
            deploy?.MinTasks ?? defaults.Deploy?.MinTasks ?? FleetDeployment.DefaultMinTasks,
            deploy?.MaxTasks ?? defaults.Deploy?.MaxTasks ?? FleetDeployment.DefaultMaxTasks,
            deploy?.HandWrittenDockerfile)
        {
            Secrets = deploy?.Secrets is { } secrets
                ? new SortedDictionary<string, string>(secrets.ToDictionary(), StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
        };

    private static FleetDeclaration LoadEmbedded()
    {
        using var stream = typeof(FleetDeclaration).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
