namespace Workers.Build.Builds;

// The component's source as loaded: its text, its size, and why it cannot be built if it cannot.
internal sealed record BuildSource(string Text, long Bytes, string Sha256, string? Problem);
