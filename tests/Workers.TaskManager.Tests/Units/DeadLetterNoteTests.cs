using System.Text.Json;
using Workers.TaskManager.DeadLetters;

namespace Workers.TaskManager.Tests.Units;

public sealed class DeadLetterNoteTests
{
    private static readonly DeadLetterNote Note = new()
    {
        Kind = FailureKind.InvalidBody,
        Reason = "items[0]: the value is null <not allowed> & \"quoted\" – ünïcode",
        SourceQueue = "http://127.0.0.1:4566/000000000000/workers-local-product.fifo",
        MessageId = "7d1c3c6e-0f55-4a43-9d0a-2b1f4e8f1a10",
        ReceiveCount = 2,
        Attempts = 3,
        FailedAt = new DateTimeOffset(2026, 12, 2, 11, 30, 15, 123, TimeSpan.Zero),
    };

    [Fact]
    public void A_note_reads_back_as_it_was_written()
    {
        Assert.True(DeadLetterNote.TryParse(Note.ToJson(), out var read));
        Assert.Equal(Note, read);
    }

    [Fact]
    public void A_note_is_written_exactly_as_the_dictionary_the_TaskManager_wrote_before_it_had_a_type()
    {
        // What DeadLetterSender serialized until the note became a record: readers already deployed parse this.
        var old = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = Note.Kind.ToString(),
            ["reason"] = Note.Reason,
            ["sourceQueue"] = Note.SourceQueue,
            ["messageId"] = Note.MessageId,
            ["receiveCount"] = Note.ReceiveCount,
            ["attempts"] = Note.Attempts,
            ["failedAt"] = Note.FailedAt,
        });

        Assert.Equal(old, Note.ToJson());
    }

    [Fact]
    public void A_note_written_before_attempts_were_recorded_reads_them_as_its_receive_count()
    {
        const string Written = """
            {"kind":"Rejected","reason":"store 42 is closed","sourceQueue":"https://sqs.eu-west-1.amazonaws.com/1/workers-staging-product.fifo","messageId":"m-1","receiveCount":2,"failedAt":"2026-11-24T16:00:00.5+00:00"}
            """;

        Assert.True(DeadLetterNote.TryParse(Written, out var note));
        Assert.Equal(FailureKind.Rejected, note.Kind);
        Assert.Equal("store 42 is closed", note.Reason);
        Assert.Equal("m-1", note.MessageId);
        Assert.Equal(2, note.ReceiveCount);
        Assert.Equal(2, note.Attempts);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 16, 0, 0, 500, TimeSpan.Zero), note.FailedAt);
    }

    [Fact]
    public void Members_a_newer_writer_adds_are_ignored()
    {
        var json = Note.ToJson().TrimEnd('}') + ""","traceId":"abc","hold":{"seconds":12}}""";

        Assert.True(DeadLetterNote.TryParse(json, out var note));
        Assert.Equal(Note, note);
    }

    public static TheoryData<string, string?> NotNotes => new()
    {
        { "no attribute", null },
        { "an empty value", "" },
        { "not JSON", "store 42 is closed" },
        { "cut off", """{"kind":"Rejected","reason":"sto""" },
        { "an array", """["Rejected","store 42 is closed"]""" },
        { "JSON null", "null" },
        { "an empty object", "{}" },
        { "another producer's object", """{"error":"timeout","retry":true}""" },
        { "no kind", """{"reason":"r","sourceQueue":"q","messageId":"m","receiveCount":1,"failedAt":"2026-11-24T16:00:00+00:00"}""" },
        { "an unknown kind", """{"kind":"Exploded","reason":"r","sourceQueue":"q","messageId":"m","receiveCount":1,"failedAt":"2026-11-24T16:00:00+00:00"}""" },
        { "a null reason", """{"kind":"Rejected","reason":null,"sourceQueue":"q","messageId":"m","receiveCount":1,"failedAt":"2026-11-24T16:00:00+00:00"}""" },
        { "no message id", """{"kind":"Rejected","reason":"r","sourceQueue":"q","receiveCount":1,"failedAt":"2026-11-24T16:00:00+00:00"}""" },
        { "a time that is not one", """{"kind":"Rejected","reason":"r","sourceQueue":"q","messageId":"m","receiveCount":1,"failedAt":"yesterday"}""" },
    };

    [Theory]
    [MemberData(nameof(NotNotes))]
    public void Anything_that_is_not_a_note_is_refused_without_throwing(string what, string? json)
    {
        Assert.False(DeadLetterNote.TryParse(json, out var note), what);
        Assert.Null(note);
    }
}
