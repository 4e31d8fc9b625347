namespace Workers.Build.Pool;

// No build server could be had: all were busy for the whole AcquireTimeout, or the pool is stopping.
internal sealed class PoolUnavailableException(string message) : Exception(message);
