using Spectre.Console;
using Workers.Cli.Output;

namespace Workers.Cli.Queues;

// The `workers queues` table: one row per worker.
internal static class QueuesTable
{
    private const string NotFound = "not found";
    private static readonly Style Missing = new(Color.Red);

    // Anything in a dead-letter queue needs a person to look at it.
    private static readonly Style Attention = new(Color.Yellow);

    public static Table Create(IReadOnlyList<QueueRow> rows)
    {
        var table = new Table()
            .AddColumn("worker")
            .AddColumn("queue")
            .AddColumn(new TableColumn("visible").RightAligned())
            .AddColumn(new TableColumn("in flight").RightAligned())
            .AddColumn(new TableColumn("delayed").RightAligned())
            .AddColumn("dead-letter queue")
            .AddColumn(new TableColumn("DLQ visible").RightAligned());
        foreach (var row in rows)
        {
            table.AddRow(
                new Text(row.Worker),
                new Text(row.QueueName),
                row.Queue is null ? new Text(NotFound, Missing) : new Text(Formats.Count(row.Queue.Visible)),
                new Text(row.Queue is null ? "" : Formats.Count(row.Queue.InFlight)),
                new Text(row.Queue is null ? "" : Formats.Count(row.Queue.Delayed)),
                new Text(row.DeadLetterName ?? "(no redrive policy)"),
                DeadLetterCell(row));
        }

        return table;
    }

    private static Text DeadLetterCell(QueueRow row) => row switch
    {
        { Queue: null } or { DeadLetterName: null } => new Text(""),
        { DeadLetter: null } => new Text(NotFound, Missing),
        { DeadLetter.Visible: > 0 } => new Text(Formats.Count(row.DeadLetter.Visible), Attention),
        _ => new Text(Formats.Count(row.DeadLetter.Visible)),
    };
}
