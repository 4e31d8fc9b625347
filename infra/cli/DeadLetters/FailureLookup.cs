namespace Workers.Cli.DeadLetters;

// Failure histories by dead-letter message id, or why the database could not be read (Problem).
internal sealed record FailureLookup(IReadOnlyDictionary<string, FailureHistory> Histories, string? Problem)
{
    public static FailureLookup Unavailable(string problem) => new(new Dictionary<string, FailureHistory>(), problem);

    public FailureHistory? For(DeadLetterMessage message) => Histories.GetValueOrDefault(message.MessageId);
}
