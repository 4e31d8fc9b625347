using Amazon.SQS;
using Spectre.Console;
using Workers.Cli.Composition;
using Workers.Cli.Errors;

namespace Workers.Cli.DeadLetters;

// workers dlq peek: receives the messages and holds them while their failures are looked up, prints them, then
// makes them visible again. Nothing is deleted.
internal sealed class PeekHandler(IAmazonSQS sqs, DeadLetterQueueLocator locator, FailureHistoryReader histories, Consoles consoles)
{
    // Long enough to receive every message and read the database; released as soon as they are printed.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(string worker, int max, CancellationToken cancellationToken)
    {
        var queue = await locator.FindAsync(worker, cancellationToken);
        var counts = await locator.CountAsync(queue, cancellationToken);
        if (counts.IsEmpty)
        {
            consoles.Out.MarkupLineInterpolated($"{queue.Name} is empty: no dead-lettered messages for {worker}.");
            return ExitCodes.Success;
        }

        await using var held = new HeldMessages(sqs, queue.Url, Hold);
        var messages = await held.ReceiveAllAsync(max, cancellationToken);
        var lookup = await histories.ReadAsync(messages, cancellationToken);
        if (lookup.Problem is { } problem)
        {
            // Never silently: the reasons of SQS-moved messages and every first/last failure live in the database.
            consoles.Error.MarkupLineInterpolated($"[yellow]warning: the database could not be read ({problem}); showing what SQS knows, without the recorded failures.[/]");
        }

        PeekReport.Write(consoles.Out, queue, counts, messages, lookup, max);
        return ExitCodes.Success;
    }
}
