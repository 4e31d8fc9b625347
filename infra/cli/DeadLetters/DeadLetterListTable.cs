using Spectre.Console;
using Workers.Cli.Output;
using Workers.Cli.Queues;

namespace Workers.Cli.DeadLetters;

// The `dlq list` table: one row per fleet worker. SQS has no oldest-message age for a queue (only CloudWatch's
// ApproximateAgeOfOldestMessage metric, which the CLI does not read); `dlq peek` shows when each message was sent.
internal static class DeadLetterListTable
{
    private static readonly Style Attention = new(Color.Yellow);
    private static readonly Style Missing = new(Color.Red);

    public static Table Create(IReadOnlyList<QueueRow> rows)
    {
        var table = new Table()
            .AddColumn("worker")
            .AddColumn("dead-letter queue")
            .AddColumn(new TableColumn("visible").RightAligned())
            .AddColumn(new TableColumn("in flight").RightAligned());
        foreach (var row in rows)
        {
            var (name, visible, inFlight) = row switch
            {
                { Queue: null } => (new Text($"(queue {row.QueueName} not found)", Missing), "", ""),
                { DeadLetterName: null } => (new Text("(no redrive policy)"), "", ""),
                { DeadLetter: null } => (new Text($"{row.DeadLetterName} not found", Missing), "", ""),
                _ => (new Text(row.DeadLetterName), Formats.Count(row.DeadLetter.Visible), Formats.Count(row.DeadLetter.InFlight)),
            };
            table.AddRow(
                new Text(row.Worker),
                name,
                row.DeadLetter is { Visible: > 0 } ? new Text(visible, Attention) : new Text(visible),
                new Text(inFlight));
        }

        return table;
    }
}
