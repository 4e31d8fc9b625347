namespace Workers.TaskManager.References;

/// <summary>What an S3 reference in a message points at; each kind has its own key prefix (<see cref="FleetKeys"/>).</summary>
public enum ReferenceKind
{
    /// <summary>A task body stored by the publisher because it was too large for a message (an envelope's <c>bodyRef</c>).</summary>
    ClaimCheck,

    /// <summary>A file uploaded for a task by <c>workers enqueue --file</c> or <c>workers enqueue build</c> (a <see cref="StoredFile"/>).</summary>
    Upload,
}
