namespace Workers.Cli.DeadLetters;

// What `dlq redrive` was asked: Max null = every message.
internal sealed record RedriveRequest(string Worker, int? Max, bool DryRun, bool OneByOne);
