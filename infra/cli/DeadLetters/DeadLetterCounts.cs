namespace Workers.Cli.DeadLetters;

// SQS's approximate counts of a dead-letter queue: messages waiting, and messages someone has received and holds.
internal sealed record DeadLetterCounts(long Visible, long InFlight)
{
    public bool IsEmpty => Visible == 0 && InFlight == 0;
}
