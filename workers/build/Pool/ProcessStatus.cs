namespace Workers.Build.Pool;

// One build server as the pool sees it; memory is from its last status answer.
internal sealed record ProcessStatus(int Number, int Pid, bool Busy, int Builds, TimeSpan Uptime, long RssBytes, long HeapUsedBytes);
