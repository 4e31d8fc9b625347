namespace Workers.Benchmarks;

// One createTransaction run: the warm rate (the timed tasks, after the warm-up), the cold rate (the warm-up's
// transactions over the time from the worker's start until they were recorded), the worker's peak RSS and its
// CPU per transaction over the timed tasks.
internal sealed record TransactionFigures(double WarmRate, double ColdRate, double PeakRssMegabytes, double WorkerCpuMicroseconds);
