namespace Workers.Benchmarks;

internal sealed record BenchBody(int N);
