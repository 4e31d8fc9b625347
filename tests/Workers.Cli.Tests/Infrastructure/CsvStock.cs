using Workers.TaskManager;

namespace Workers.Cli.Tests.Infrastructure;

// The test worker's csvStock body, as `workers enqueue --file` writes it.
public sealed record CsvStock(StoredFile File);
