using Workers.TaskManager.Envelope;

namespace Workers.TaskManager.Tests.Units;

public sealed class EnvelopeReaderTests
{
    [Fact]
    public void A_task_envelope_is_read_with_its_id_type_body_and_trace_parent()
    {
        using var envelope = EnvelopeReader.Read("""{"taskId":"t-1","type":"updateStock","body":{"storeCode":"S001"},"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""");

        Assert.Equal("t-1", envelope.TaskId);
        Assert.Equal("updateStock", envelope.Type);
        Assert.Equal("S001", envelope.Body!.Value.GetProperty("storeCode").GetString());
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c", envelope.TraceParent, StringComparison.Ordinal);
        Assert.False(envelope.ViaSns);
    }

    [Fact]
    public void An_SNS_notification_is_unwrapped()
    {
        using var envelope = EnvelopeReader.Read("""{"Type":"Notification","TopicArn":"arn:aws:sns:ap-northeast-1:1:t","Message":"{\"type\":\"sendEmail\",\"body\":{\"to\":\"a@b.c\"}}"}""");

        Assert.Equal("sendEmail", envelope.Type);
        Assert.True(envelope.ViaSns);
        Assert.Null(envelope.TaskId);
    }

    [Fact]
    public void A_claim_checked_envelope_carries_its_reference_instead_of_a_body()
    {
        using var envelope = EnvelopeReader.Read("""{"type":"csvStock","bodyRef":{"bucket":"b","key":"claim-checks/product/1.json","size":300000}}""");

        Assert.Null(envelope.Body);
        Assert.Equal(new BodyReference("b", "claim-checks/product/1.json", 300000), envelope.BodyReference);
    }

    [Theory]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("\"a string\"", "is a JSON string, not an object")]
    [InlineData("{\"body\":{}}", "has no \"type\"")]
    [InlineData("{\"type\":\"   \",\"body\":{}}", "has no \"type\"")]
    [InlineData("{\"type\":42,\"body\":{}}", "\"type\" must be a string")]
    [InlineData("{\"type\":\"x\"}", "has neither \"body\" nor \"bodyRef\"")]
    [InlineData("{\"type\":\"x\",\"bodyRef\":{\"bucket\":\"b\"}}", "must be an object with \"bucket\" and \"key\"")]
    [InlineData("{\"type\":\"x\",\"taskId\":\"\",\"body\":{}}", "\"taskId\" must be 1 to 128 characters")]
    [InlineData("{\"Type\":\"Notification\",\"TopicArn\":\"arn\",\"Message\":\"{oops\"}", "The SNS notification's Message is not JSON")]
    [InlineData("{\"Type\":\"Notification\",\"TopicArn\":\"arn\",\"Message\":\"[1]\"}", "inside the SNS notification is a JSON array")]
    public void A_malformed_message_fails_permanently_with_a_reason_a_person_can_act_on(string body, string reason)
    {
        var failure = Assert.Throws<PermanentTaskException>(() => EnvelopeReader.Read(body));

        Assert.Equal(FailureKind.MalformedMessage, failure.Kind);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads()
    {
        var bytes = EnvelopeWriter.Write("t-9", "echo", """{"text":"hi"}"""u8, null, null, DateTimeOffset.UnixEpoch);

        using var envelope = EnvelopeReader.Read(System.Text.Encoding.UTF8.GetString(bytes));

        Assert.Equal(("t-9", "echo", "hi"), (envelope.TaskId, envelope.Type, envelope.Body!.Value.GetProperty("text").GetString()));
    }
}
