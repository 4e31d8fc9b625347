namespace Workers.Cli.DeadLetters;

// A worker's queue and the dead-letter queue its redrive policy names.
internal sealed record DeadLetterQueue(string Worker, string SourceUrl, string Url, bool IsFifo)
{
    public string Name => NameOf(Url);

    public string SourceName => NameOf(SourceUrl);

    private static string NameOf(string url) => url[(url.LastIndexOf('/') + 1)..];
}
