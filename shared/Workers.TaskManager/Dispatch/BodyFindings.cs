namespace Workers.TaskManager.Dispatch;

// What walking a body found: rule violations by JSON path, and every StoredFile with its path.
internal sealed class BodyFindings
{
    // Enough to act on; a body with thousands of bad items would otherwise make a reason of megabytes.
    public const int MaxErrors = 20;

    public List<string> Errors { get; } = [];

    public List<(string Path, StoredFile File)> Files { get; } = [];

    public bool Full => Errors.Count >= MaxErrors;

    public void Error(BodyPath path, string? message)
    {
        if (!Full)
        {
            Errors.Add(path.IsRoot ? message ?? "is invalid" : $"{path}: {message ?? "is invalid"}");
        }
    }
}
