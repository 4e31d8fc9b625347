namespace Workers.Fleet;

/// <summary>Thrown when <c>shared/fleet.json</c> breaks a rule; lists every broken rule at once.</summary>
public sealed class FleetDeclarationException(IReadOnlyList<string> errors)
    : Exception("shared/fleet.json is invalid:" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors))
{
    /// <summary>Each broken rule, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
