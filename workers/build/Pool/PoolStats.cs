namespace Workers.Build.Pool;

// A snapshot of the pool. Recycled counts processes replaced for a reason (crash, timeout, memory, age, build
// count, no answer); IdleStopped those stopped because the pool had more than it needed.
internal sealed record PoolStats(
    int Total,
    int Busy,
    int Available,
    int Starting,
    int Waiting,
    long Recycled,
    long IdleStopped,
    long TotalBuilds,
    double AverageBuildMilliseconds,
    long MemoryBytes);
