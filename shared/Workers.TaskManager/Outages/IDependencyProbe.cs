namespace Workers.TaskManager.Outages;

/// <summary>
/// A cheap check that a dependency answers again, used while its circuit is open instead of running a held
/// message. A dependency without a probe is probed by retrying one of its held messages.
/// </summary>
public interface IDependencyProbe
{
    /// <summary>The dependency's name, as a failure names it (<c>postgresql</c>, <c>s3</c>, a handler's own).</summary>
    string Dependency { get; }

    /// <summary>Completes when the dependency answered; throws when it did not.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
