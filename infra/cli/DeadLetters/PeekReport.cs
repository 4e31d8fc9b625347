using System.Globalization;
using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.DeadLetters;

// What `dlq peek` prints: a line about the queue, then one block per message.
internal static class PeekReport
{
    public static void Write(IAnsiConsole console, DeadLetterQueue queue, DeadLetterCounts counts, IReadOnlyList<DeadLetterMessage> messages, FailureLookup lookup, int max)
    {
        console.WriteLine($"{queue.Name}: {Formats.Count(counts.Visible)} visible, {Formats.Count(counts.InFlight)} in flight; showing {messages.Count}.");
        if (messages.Count < counts.Visible && messages.Count < max && queue.IsFifo)
        {
            // A FIFO group is locked while its first message is held, so the messages behind it cannot be seen
            // without consuming the first.
            console.WriteLine("Only the first message of each FIFO group can be looked at without consuming it; the rest wait behind it.");
        }

        foreach (var message in messages)
        {
            console.WriteLine();
            console.Write(Block(message, lookup));
        }
    }

    private static Grid Block(DeadLetterMessage message, FailureLookup lookup)
    {
        var history = lookup.For(message);
        var failure = message.Failure;
        var grid = Grids.LabelValue()
            .AddText("message", message.MessageId)
            .AddText("task", message.Envelope.TaskId is { } taskId ? $"{message.Envelope.TaskType ?? "?"} {taskId}" : "(the body is not a readable task envelope)")
            .AddText("group", message.GroupId ?? "-")
            .AddText("receive count", ReceiveCount(message))
            .AddText("reason", Reason(message, history, lookup))
            .AddText("first failure", Formats.Time(history?.First))
            .AddText("last failure", Formats.Time(history?.Last ?? failure?.FailedAt))
            .AddText("failed attempts", history is null ? "-" : history.Count.ToString(CultureInfo.InvariantCulture))
            .AddText("sent", Formats.Time(message.SentAt));
        return grid;
    }

    private static string ReceiveCount(DeadLetterMessage message)
    {
        var sqs = message.ReceiveCount is { } count ? count.ToString(CultureInfo.InvariantCulture) : "?";
        return message.Failure?.ReceiveCount is { } atFailure
            ? $"{atFailure.ToString(CultureInfo.InvariantCulture)} when dead-lettered ({sqs} now, receives in the dead-letter queue included)"
            : $"{sqs} (receives in the dead-letter queue included)";
    }

    private static string Reason(DeadLetterMessage message, FailureHistory? history, FailureLookup lookup)
    {
        // The TaskManager's own note says why it gave up (poison, retries exhausted); otherwise the latest
        // recorded error is why SQS moved it.
        if (message.Failure is { } failure)
        {
            return $"{failure.Kind}: {failure.Reason}";
        }

        if (history is not null)
        {
            var reason = $"{history.Latest.Kind} {history.Latest.ExceptionType}: {history.Latest.Message}";
            return message.UnreadableNote ? $"{reason} (and an unreadable note)" : reason;
        }

        var unknown = lookup.Problem is null ? "no failure recorded for this message or task" : "the database could not be read";
        return message.UnreadableNote ? $"unknown: unreadable note, and {unknown}" : $"unknown: {unknown}";
    }
}
