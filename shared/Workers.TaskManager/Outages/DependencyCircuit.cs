namespace Workers.TaskManager.Outages;

// One dependency that is down: open from the first failure until a probe succeeds. Held messages wait on
// Closed; without a probe of its own, the circuit lets one held message at a time run as the probe (ProbeTicket).
internal sealed class DependencyCircuit(string dependency, IDependencyProbe? probe, long openedAt)
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Dependency { get; } = dependency;

    public IDependencyProbe? Probe { get; } = probe;

    public long OpenedAt { get; } = openedAt;

    // When outage time was last counted (EMF), a timestamp.
    public long Accounted { get; set; } = openedAt;

    public int Held { get; set; }

    public int FailedProbes { get; set; }

    public TimeSpan? RetryAfter { get; set; }

    // Held messages in arrival order: the oldest is the next probe.
    public LinkedList<TaskCompletionSource> Waiting { get; } = new();

    // Completed when the message running as the probe has met the outage again, or got past it.
    public TaskCompletionSource? ProbeDone { get; set; }

    public Task Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    public void Close() => _closed.TrySetResult();
}
