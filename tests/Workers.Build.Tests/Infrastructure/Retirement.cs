namespace Workers.Build.Tests.Infrastructure;

// A process the pool retired, as its log line says: which one, and why.
internal sealed record Retirement(int Pid, string Reason);
