namespace Workers.TaskManager.Consuming;

// The outcome of one entry of an SQS batch call. SQS answers a batch with per-entry results; an entry can fail
// while the call succeeds, so every caller looks at its own entry. Transient: SQS blamed itself (SenderFault
// false), so sending the entry again may work.
internal readonly record struct BatchEntryResult(bool Succeeded, string? ErrorCode, string? ErrorMessage, bool Transient)
{
    public static readonly BatchEntryResult Success = new(true, null, null, false);

    public static BatchEntryResult Failure(string? code, string? message, bool transient) => new(false, code, message, transient);
}
