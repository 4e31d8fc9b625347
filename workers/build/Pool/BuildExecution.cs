using System.Text.Json;

namespace Workers.Build.Pool;

// A build server's answer to one build request, and which process gave it.
internal sealed record BuildExecution(JsonElement Response, int ProcessId, int ProcessNumber, TimeSpan Elapsed, BuildToolchain Toolchain);
