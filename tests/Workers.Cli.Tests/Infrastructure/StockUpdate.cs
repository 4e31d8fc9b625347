namespace Workers.Cli.Tests.Infrastructure;

// The test worker's updateStock body. Reject makes the handler dead-letter the task; FailAttempts makes the
// first attempts throw, so the task is retried.
public sealed record StockUpdate(IReadOnlyList<StockLine> Items, string? Reject = null, int FailAttempts = 0);
