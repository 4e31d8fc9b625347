using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.DeadLetters;

// What `dlq redrive` prints when it ends: what moved (or, for a dry run, what would), and what is left.
internal static class RedriveReport
{
    public static void Moved(IAnsiConsole console, DeadLetterQueue queue, IReadOnlyList<MovedMessage> moved, DeadLetterCounts? left, bool interrupted)
    {
        if (interrupted)
        {
            console.MarkupLineInterpolated($"[yellow]interrupted after moving {moved.Count} message(s); run the command again to move the rest (nothing is lost or doubled).[/]");
        }
        else if (moved.Count == 0)
        {
            console.WriteLine($"nothing visible to move in {queue.Name}: its messages are in flight (received by someone else); run again once they are visible.");
        }

        if (moved.Count > 0)
        {
            console.WriteLine($"moved {moved.Count} message(s) from {queue.Name} to {queue.SourceName}:");
            console.Write(Table(moved.Select(m => (m.TaskType, m.TaskId ?? $"(message {m.DeadLetterMessageId})", m.GroupId))));
        }

        if (left is not null)
        {
            console.WriteLine($"left in {queue.Name}: {Formats.Count(left.Visible)} visible, {Formats.Count(left.InFlight)} in flight.");
        }
    }

    public static void DryRun(IAnsiConsole console, DeadLetterQueue queue, DeadLetterCounts counts, IReadOnlyList<DeadLetterMessage> messages)
    {
        console.WriteLine($"dry run: would move {messages.Count} of {Formats.Count(counts.Visible)} visible message(s) from {queue.Name} to {queue.SourceName}; nothing was moved.");
        if (messages.Count < counts.Visible && queue.IsFifo)
        {
            console.WriteLine("Only the first message of each FIFO group can be looked at without moving it; the rest follow it.");
        }

        if (messages.Count > 0)
        {
            console.Write(Table(messages.Select(m => (m.Envelope.TaskType, m.Envelope.TaskId ?? $"(message {m.MessageId})", m.GroupId))));
        }
    }

    private static Table Table(IEnumerable<(string? Type, string Task, string? Group)> rows)
    {
        var table = new Table().AddColumn("type").AddColumn("task").AddColumn("group");
        foreach (var (type, task, group) in rows)
        {
            table.AddRow(new Text(type ?? "?"), new Text(task), new Text(group ?? "-"));
        }

        return table;
    }
}
