namespace Workers.Infra.Render;

/// <summary>A file the generator owns: its path from the repository root (with '/') and its full content.</summary>
public sealed record RenderedFile(string Path, string Content);
