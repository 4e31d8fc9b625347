namespace Workers.Cli.Builds;

// What `workers enqueue build` was asked to do, as parsed.
internal sealed record BuildEnqueueRequest(FileInfo Source, string Engine, IReadOnlyList<string> Dependencies, string? BuildId, bool Wait, TimeSpan Timeout);
