namespace Workers.Fleet;

/// <summary>A worker as the fleet declares it, with the fleet defaults applied.</summary>
public sealed class FleetWorker
{
    private readonly FleetDeclaration _fleet;

    internal FleetWorker(
        FleetDeclaration fleet,
        string name,
        string description,
        TimeSpan visibilityTimeout,
        int maxReceiveCount,
        int maxInFlight,
        IReadOnlyDictionary<string, FleetTaskType> taskTypes,
        FleetDeployment deployment,
        IReadOnlyList<string> publishesTo)
    {
        _fleet = fleet;
        Name = name;
        Description = description;
        VisibilityTimeout = visibilityTimeout;
        MaxReceiveCount = maxReceiveCount;
        MaxInFlight = maxInFlight;
        TaskTypes = taskTypes;
        Deployment = deployment;
        PublishesTo = publishesTo;
    }

    /// <summary>The declaration this worker belongs to.</summary>
    public FleetDeclaration Fleet => _fleet;

    /// <summary>The worker's name: its folder under <c>workers/</c>, its Copilot service and its alarms.</summary>
    public string Name { get; }

    /// <summary>What the worker does, for operators.</summary>
    public string Description { get; }

    /// <summary>The queue's visibility timeout; covers the slowest task type between two heartbeats.</summary>
    public TimeSpan VisibilityTimeout { get; }

    /// <summary>Receives after which SQS moves a message to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; }

    /// <summary>Default number of messages one worker process holds at once.</summary>
    public int MaxInFlight { get; }

    /// <summary>The task types this worker handles, by wire name.</summary>
    public IReadOnlyDictionary<string, FleetTaskType> TaskTypes { get; }

    /// <summary>How the worker runs in AWS: task size and production task range.</summary>
    public FleetDeployment Deployment { get; }

    /// <summary>The workers whose queues this worker sends follow-up tasks to (its IAM policy allows exactly these).</summary>
    public IReadOnlyList<string> PublishesTo { get; }

    /// <summary>The schedules whose tasks come to this worker; its processes run them (the fleet scheduler).</summary>
    public IReadOnlyList<FleetSchedule> Schedules => [.. _fleet.Schedules.Values.Where(s => s.Worker == Name).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The longest any of its task types may run; the queue's own visibility timeout covers one run.</summary>
    public TimeSpan SlowestTaskTimeout => TaskTypes.Values.Max(t => t.Timeout);

    /// <summary>The name of the worker's FIFO queue in <paramref name="environment"/>.</summary>
    public string QueueName(string environment) => _fleet.Expand(_fleet.QueueNameTemplate, environment, Name);

    /// <summary>The name of the worker's FIFO dead-letter queue in <paramref name="environment"/>.</summary>
    public string DeadLetterQueueName(string environment) =>
        _fleet.Expand(_fleet.DeadLetterQueueNameTemplate, environment, Name);
}
