using System.Text.RegularExpressions;
using Amazon.SQS.Model;
using Workers.Cli.Tests.Infrastructure;
using Workers.TaskManager.Consuming;

namespace Workers.Cli.Tests;

public sealed class DlqPeekTests : DeadLetterTest
{
    [Fact]
    public async Task Peek_shows_each_message_s_reason_receive_count_group_and_failures_and_leaves_them_in_the_queue()
    {
        await DeadLetterBothWaysAsync();

        var run = await RunAsync("dlq", "peek", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Contains($"{Queues.Name}-dlq.fifo: 2 visible, 0 in flight; showing 2.", run.OutputLines);

        // Dead-lettered by the TaskManager at once: the reason travels with the message.
        var poison = Block(run, "poison-1");
        Assert.Equal("store-1", poison["group"]);
        Assert.Equal("Rejected: store 42 is closed", poison["reason"]);
        Assert.Matches(@"^1 when dead-lettered \(\d+ now, receives in the dead-letter queue included\)$", poison["receive count"]);
        Assert.Equal("1", poison["failed attempts"]);
        Assert.Equal(poison["first failure"], poison["last failure"]);

        // Moved by SQS after three failed receives: the reason and the failures come from the database.
        var retried = Block(run, "retried-1");
        Assert.Equal("store-2", retried["group"]);
        Assert.Equal("Exception System.InvalidOperationException: warehouse unavailable on attempt 3", retried["reason"]);
        Assert.Matches(@"^\d+ \(receives in the dead-letter queue included\)$", retried["receive count"]);
        Assert.Equal("3", retried["failed attempts"]);
        Assert.True(string.CompareOrdinal(retried["first failure"], retried["last failure"]) < 0);

        // Nothing was consumed: both are visible again at once, and a second look sees them too.
        Assert.Equal((2L, 0L), await CountsAsync(Queues.DeadLetterUrl));
        var again = await RunAsync("dlq", "peek", "product");
        Assert.Equal("store 42 is closed", Block(again, "poison-1")["reason"]["Rejected: ".Length..]);
        Assert.Equal("3", Block(again, "retried-1")["failed attempts"]);
    }

    [Fact]
    public async Task Peek_without_the_database_shows_what_sqs_knows_and_says_what_is_missing()
    {
        await DeadLetterBothWaysAsync();
        var settings = Settings();

        // Nothing listens on port 9: the connection is refused at once.
        settings["ConnectionStrings:Workers"] = "Host=127.0.0.1;Port=9;Username=nobody;Password=none;Database=none;Timeout=5";

        var run = await WorkersCli.RunAsync(settings, "dlq", "peek", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("warning: the database could not be read (", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("Rejected: store 42 is closed", Block(run, "poison-1")["reason"]);
        var retried = Block(run, "retried-1");
        Assert.Equal("unknown: the database could not be read", retried["reason"]);
        Assert.Equal("store-2", retried["group"]);
        Assert.Equal("-", retried["first failure"]);
        Assert.Equal((2L, 0L), await CountsAsync(Queues.DeadLetterUrl));
    }

    [Fact]
    public async Task Peek_of_an_empty_dead_letter_queue_says_so()
    {
        var run = await RunAsync("dlq", "peek", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([$"{Queues.Name}-dlq.fifo is empty: no dead-lettered messages for product."], run.OutputLines);
    }

    [Fact]
    public async Task Peek_reads_a_note_the_TaskManager_wrote_before_attempts_were_recorded()
    {
        // The note as released before in-place retries: no "attempts" member.
        await SendWithNoteAsync("old-note-1", """
            {"kind":"Rejected","reason":"store 7 was sold","sourceQueue":"http://localhost/q.fifo","messageId":"m-old","receiveCount":2,"failedAt":"2026-11-24T16:00:00+00:00"}
            """);

        var run = await RunAsync("dlq", "peek", "product");

        Assert.Equal(0, run.ExitCode);
        var block = Block(run, "old-note-1");
        Assert.Equal("Rejected: store 7 was sold", block["reason"]);
        Assert.Matches(@"^2 when dead-lettered \(\d+ now, receives in the dead-letter queue included\)$", block["receive count"]);
        Assert.Equal("2026-11-24 16:00:00.000Z", block["last failure"]);
    }

    [Fact]
    public async Task Peek_says_a_note_it_cannot_read_is_unreadable_and_still_shows_the_message()
    {
        await SendWithNoteAsync("garbage-note-1", "{\"kind\": \"Rejected\", \"reason\": ");
        await SendWithNoteAsync("foreign-note-1", """{"error":"timeout","retry":true}""", group: "g2");

        var run = await RunAsync("dlq", "peek", "product");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Equal("unknown: unreadable note, and no failure recorded for this message or task", Block(run, "garbage-note-1")["reason"]);
        Assert.Equal("unknown: unreadable note, and no failure recorded for this message or task", Block(run, "foreign-note-1")["reason"]);
        Assert.Equal("store-1", Block(run, "garbage-note-1")["group"]);
    }

    // One task the handler rejects (a poison message the TaskManager dead-letters itself, with the reason) and
    // one that fails all three attempts (SQS moves it after maxReceiveCount, with no reason attached).
    private Task DeadLetterBothWaysAsync() =>
        DeadLetterAsync(
            tasks => tasks.AddTask<StockUpdate, StockUpdateHandler>("updateStock").AddTask<CsvStock, CsvStockHandler>("csvStock"),
            [
                ("store-1", "poison-1", """{"items":[],"reject":"store 42 is closed"}"""),
                ("store-2", "retried-1", """{"items":[],"failAttempts":3}"""),
            ]);

    // An updateStock envelope put straight into the dead-letter queue with `note` as its failure attribute.
    private Task SendWithNoteAsync(string taskId, string note, string group = "store-1") =>
        Stack.Sqs.SendMessageAsync(
            new SendMessageRequest(Queues.DeadLetterUrl, $$$"""{"taskId":"{{{taskId}}}","type":"updateStock","body":{"items":[]}}""")
            {
                MessageGroupId = group,
                MessageDeduplicationId = taskId,
                MessageAttributes = new()
                {
                    [DeadLetterMessages.FailureAttribute] = new MessageAttributeValue { DataType = "String", StringValue = note },
                },
            },
            Cancellation);

    // The label/value lines of the block peek printed for a task.
    private static Dictionary<string, string> Block(CliRun run, string taskId)
    {
        var lines = run.OutputLines;
        var start = lines.ToList().FindIndex(line => Regex.IsMatch(line, $@"^task\s+updateStock {taskId}$")) - 1;
        Assert.True(start >= 0, $"no block for {taskId}");
        return lines.Skip(start).Take(9)
            .Select(line => Regex.Split(line, @"\s{2,}", RegexOptions.None, TimeSpan.FromSeconds(1)))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
    }
}
