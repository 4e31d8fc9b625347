using System.Text.RegularExpressions;

namespace Workers.Fleet;

// Rules the declaration must follow before anything provisions queues from it. The numeric limits are SQS's:
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SetQueueAttributes.html
internal static partial class FleetValidator
{
    // SQS queue names: up to 80 characters of alphanumerics, hyphens and underscores, ".fifo" included.
    internal const int MaxQueueNameLength = 80;

    // The longest environment name the queue-name length check assumes (copilot/ declares staging and production).
    private const string LongestEnvironment = "production";

    public static List<string> Validate(FleetDocument fleet)
    {
        var errors = new List<string>();
        if (!Name().IsMatch(fleet.Application))
        {
            errors.Add($"application '{fleet.Application}' must be lower-case letters, digits and hyphens.");
        }

        CheckTemplate(errors, "queueNames.queue", fleet.QueueNames.Queue, requiresWorker: true);
        CheckTemplate(errors, "queueNames.deadLetterQueue", fleet.QueueNames.DeadLetterQueue, requiresWorker: true);
        CheckTemplate(errors, "bucket", fleet.Bucket, requiresWorker: false);
        if (fleet.QueueNames.Queue == fleet.QueueNames.DeadLetterQueue)
        {
            errors.Add("queueNames.queue and queueNames.deadLetterQueue must differ.");
        }

        CheckDefaults(errors, fleet.Defaults);
        if (fleet.Workers.Count == 0)
        {
            errors.Add("workers: at least one worker must be declared.");
        }

        foreach (var (name, worker) in fleet.Workers)
        {
            CheckWorker(errors, fleet, name, worker);
        }

        foreach (var (name, service) in fleet.Services ?? new Dictionary<string, ServiceDocument>())
        {
            CheckService(errors, fleet, name, service);
        }

        foreach (var (taskType, settings) in fleet.TaskTypes ?? new Dictionary<string, TaskTypeDocument>())
        {
            if (!TaskTypeName().IsMatch(taskType))
            {
                errors.Add($"taskTypes: '{taskType}' must be a camelCase wire name such as updateStock.");
            }

            CheckTaskType(errors, $"taskTypes.{taskType}", settings);
        }

        ScheduleValidator.Check(errors, fleet);
        return errors;
    }

    private static void CheckTemplate(List<string> errors, string field, string template, bool requiresWorker)
    {
        if (requiresWorker && !template.Contains("{worker}", StringComparison.Ordinal))
        {
            errors.Add($"{field} '{template}' must contain {{worker}} so every worker gets its own queue.");
        }

        if (requiresWorker && !template.EndsWith(".fifo", StringComparison.Ordinal))
        {
            errors.Add($"{field} '{template}' must end with .fifo: every worker queue is a FIFO queue.");
        }
    }

    private static void CheckDefaults(List<string> errors, FleetDefaults defaults)
    {
        Range(errors, "defaults.maxReceiveCount", defaults.MaxReceiveCount, 1, 1000);
        Range(errors, "defaults.visibilityTimeoutSeconds", defaults.VisibilityTimeoutSeconds, 0, 43_200);
        Range(errors, "defaults.messageRetentionSeconds", defaults.MessageRetentionSeconds, 60, 1_209_600);
        Range(errors, "defaults.deadLetterRetentionSeconds", defaults.DeadLetterRetentionSeconds, 60, 1_209_600);
        Range(errors, "defaults.maxInFlight", defaults.MaxInFlight, 1, 1000);
        if (defaults.TaskType.ChunkSize is null || defaults.TaskType.TimeoutSeconds is null)
        {
            errors.Add("defaults.taskType must set chunkSize and timeoutSeconds.");
        }

        CheckTaskType(errors, "defaults.taskType", defaults.TaskType);
        if (defaults.Deploy is { Reason: not null })
        {
            errors.Add("defaults.deploy.reason: only a worker that needs more than the defaults gives a reason.");
        }

        if (defaults.Deploy is { HandWrittenDockerfile: not null })
        {
            errors.Add("defaults.deploy.handWrittenDockerfile: only a worker whose image the template cannot build says so.");
        }
    }

    private static void CheckWorker(List<string> errors, FleetDocument fleet, string name, WorkerDocument worker)
    {
        var field = $"workers.{name}";
        if (!Name().IsMatch(name))
        {
            errors.Add($"{field}: worker names are lower-case letters, digits and hyphens ('{name}').");
        }

        foreach (var template in new[] { fleet.QueueNames.Queue, fleet.QueueNames.DeadLetterQueue })
        {
            var queue = template
                .Replace("{application}", fleet.Application, StringComparison.Ordinal)
                .Replace("{environment}", LongestEnvironment, StringComparison.Ordinal)
                .Replace("{worker}", name, StringComparison.Ordinal);
            if (queue.Length > MaxQueueNameLength || !QueueName().IsMatch(queue))
            {
                errors.Add($"{field}: queue name '{queue}' must be at most {MaxQueueNameLength} characters of letters, digits, '-' and '_' before .fifo.");
            }
        }

        Range(errors, $"{field}.visibilityTimeoutSeconds", worker.VisibilityTimeoutSeconds, 0, 43_200);
        Range(errors, $"{field}.maxReceiveCount", worker.MaxReceiveCount, 1, 1000);
        Range(errors, $"{field}.maxInFlight", worker.MaxInFlight, 1, 1000);
        if (worker.TaskTypes.Count == 0)
        {
            errors.Add($"{field}.taskTypes: a worker must handle at least one task type.");
        }

        foreach (var (taskType, settings) in worker.TaskTypes)
        {
            if (!TaskTypeName().IsMatch(taskType))
            {
                errors.Add($"{field}.taskTypes: '{taskType}' must be a camelCase wire name such as updateStock.");
            }

            CheckTaskType(errors, $"{field}.taskTypes.{taskType}", settings);
        }

        CheckDeploy(errors, fleet, field, worker.Deploy);
        foreach (var target in worker.PublishesTo ?? [])
        {
            if (target == name || !fleet.Workers.ContainsKey(target))
            {
                errors.Add($"{field}.publishesTo: '{target}' must be another declared worker.");
            }
        }
    }

    private static void CheckService(List<string> errors, FleetDocument fleet, string name, ServiceDocument service)
    {
        var field = $"services.{name}";
        if (!Name().IsMatch(name))
        {
            errors.Add($"{field}: service names are lower-case letters, digits and hyphens ('{name}').");
        }

        if (fleet.Workers.ContainsKey(name))
        {
            errors.Add($"{field}: a worker has the same name; each deployable needs its own folder under workers/.");
        }

        if (service.Kind != FleetService.LoadBalancedWebService)
        {
            errors.Add($"{field}.kind is '{service.Kind}'; the one kind of service is '{FleetService.LoadBalancedWebService}'.");
        }

        Range(errors, $"{field}.port", service.Port, 1024, 65_535);
        if (!service.HealthPath.StartsWith('/') || service.HealthPath.Any(char.IsWhiteSpace))
        {
            errors.Add($"{field}.healthPath '{service.HealthPath}' must be an absolute path such as /api/health.");
        }

        CheckDeploy(errors, fleet, field, service.Deploy);
    }

    // Task size and production range; a worker sized above the fleet default must say why, so the cost is a
    // reviewed decision.
    private static void CheckDeploy(List<string> errors, FleetDocument fleet, string field, DeployDocument? deploy)
    {
        var defaults = fleet.Defaults.Deploy;
        var cpu = deploy?.Cpu ?? defaults?.Cpu ?? FleetDeployment.DefaultCpu;
        var memory = deploy?.Memory ?? defaults?.Memory ?? FleetDeployment.DefaultMemory;
        if (!FargateSizes.IsValid(cpu, memory))
        {
            errors.Add($"{field}.deploy: cpu {cpu} with memory {memory} MiB is not a Fargate task size (see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size).");
        }

        var larger = cpu > (defaults?.Cpu ?? FleetDeployment.DefaultCpu) || memory > (defaults?.Memory ?? FleetDeployment.DefaultMemory);
        if (larger && string.IsNullOrWhiteSpace(deploy?.Reason))
        {
            errors.Add($"{field}.deploy.reason: cpu {cpu} / memory {memory} is above the fleet default; say why.");
        }

        if (deploy?.HandWrittenDockerfile is { } handWritten && string.IsNullOrWhiteSpace(handWritten))
        {
            errors.Add($"{field}.deploy.handWrittenDockerfile: say why the rendered Dockerfile does not fit (or leave it out to have it rendered).");
        }

        foreach (var (variable, secret) in deploy?.Secrets ?? new Dictionary<string, string>())
        {
            if (!EnvironmentVariable().IsMatch(variable) || variable == "DB_SECRET")
            {
                errors.Add($"{field}.deploy.secrets: '{variable}' is not an environment variable name a container can take (letters, digits, '_'; DB_SECRET is every worker's already).");
            }

            if (!SecretName().IsMatch(secret))
            {
                errors.Add($"{field}.deploy.secrets.{variable}: '{secret}' is not a secret name (lower-case letters, digits, '-', '/'); it is read as {{application}}/{{environment}}/{secret}.");
            }
        }

        var min = deploy?.MinTasks ?? defaults?.MinTasks ?? FleetDeployment.DefaultMinTasks;
        var max = deploy?.MaxTasks ?? defaults?.MaxTasks ?? FleetDeployment.DefaultMaxTasks;
        if (min < 1 || max < min || max > 100)
        {
            errors.Add($"{field}.deploy: minTasks {min} and maxTasks {max} must satisfy 1 <= minTasks <= maxTasks <= 100.");
        }
    }

    private static void CheckTaskType(List<string> errors, string field, TaskTypeDocument taskType)
    {
        Range(errors, $"{field}.chunkSize", taskType.ChunkSize, 1, 100_000);
        // A handler can never outlive the 12 h a message may stay invisible.
        Range(errors, $"{field}.timeoutSeconds", taskType.TimeoutSeconds, 1, 43_200);
        Range(errors, $"{field}.chunkCooldownMilliseconds", taskType.ChunkCooldownMilliseconds, 0, 60_000);
    }

    private static void Range(List<string> errors, string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add($"{field} is {v}; it must be between {min} and {max}.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex TaskTypeName();

    [GeneratedRegex("^[A-Za-z0-9_-]+(\\.fifo)?$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex EnvironmentVariable();

    [GeneratedRegex("^[a-z0-9][a-z0-9/-]{0,127}$")]
    private static partial Regex SecretName();
}
