using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Workers.Testing;

/// <summary>A uniquely named queue and its dead-letter queue for one test class; deleted on dispose.</summary>
public sealed class TestQueues : IAsyncDisposable
{
    private readonly IAmazonSQS _sqs;

    private TestQueues(IAmazonSQS sqs, string name, string queueUrl, string deadLetterUrl)
    {
        _sqs = sqs;
        Name = name;
        QueueUrl = queueUrl;
        DeadLetterUrl = deadLetterUrl;
    }

    /// <summary>The queue's name.</summary>
    public string Name { get; }

    /// <summary>The queue.</summary>
    public string QueueUrl { get; }

    /// <summary>Its dead-letter queue.</summary>
    public string DeadLetterUrl { get; }

    /// <summary>Creates the pair with a redrive policy after <paramref name="maxReceiveCount"/> receives.</summary>
    public static async Task<TestQueues> CreateAsync(
        IAmazonSQS sqs,
        string prefix,
        bool fifo = true,
        int visibilityTimeoutSeconds = 30,
        int maxReceiveCount = 3)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        // At most 2 + 20 + 1 + 32 characters, leaving room for "-dlq.fifo" within SQS's 80.
        var name = $"t-{prefix[..Math.Min(prefix.Length, 20)]}-{Guid.NewGuid():N}";
        var suffix = fifo ? ".fifo" : "";
        var attributes = fifo
            ? new Dictionary<string, string> { ["FifoQueue"] = "true", ["ContentBasedDeduplication"] = "true" }
            : [];
        var deadLetter = await sqs.CreateQueueAsync(new CreateQueueRequest(name + "-dlq" + suffix) { Attributes = new(attributes) });
        var arn = (await sqs.GetQueueAttributesAsync(deadLetter.QueueUrl, ["QueueArn"])).QueueARN;
        var queueAttributes = new Dictionary<string, string>(attributes)
        {
            ["VisibilityTimeout"] = visibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RedrivePolicy"] = JsonSerializer.Serialize(new { deadLetterTargetArn = arn, maxReceiveCount = maxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        };
        var queue = await sqs.CreateQueueAsync(new CreateQueueRequest(name + suffix) { Attributes = queueAttributes });
        return new TestQueues(sqs, name, queue.QueueUrl, deadLetter.QueueUrl);
    }

    /// <summary>
    /// Receives (and deletes) until <paramref name="count"/> messages arrived from <paramref name="queueUrl"/> or
    /// <paramref name="within"/> passed, long-polling SQS so the wait ends as soon as they are there.
    /// </summary>
    public async Task<List<Message>> ReceiveAsync(string queueUrl, int count, TimeSpan within, bool delete = true)
    {
        var received = new List<Message>();
        var deadline = DateTime.UtcNow + within;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            var wait = (int)Math.Clamp((deadline - DateTime.UtcNow).TotalSeconds, 1, 5);
            var response = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl)
            {
                MaxNumberOfMessages = Math.Min(10, count - received.Count),
                WaitTimeSeconds = wait,
                MessageSystemAttributeNames = ["All"],
                MessageAttributeNames = ["All"],
            });
            foreach (var message in response.Messages ?? [])
            {
                received.Add(message);
                if (delete)
                {
                    await _sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle);
                }
            }
        }

        return received;
    }

    /// <summary>Sends a raw body (malformed messages included) to the queue.</summary>
    public Task<SendMessageResponse> SendRawAsync(string body, string groupId = "g") =>
        _sqs.SendMessageAsync(new SendMessageRequest(QueueUrl, body)
        {
            MessageGroupId = QueueUrl.EndsWith(".fifo", StringComparison.Ordinal) ? groupId : null,
            MessageDeduplicationId = QueueUrl.EndsWith(".fifo", StringComparison.Ordinal) ? Guid.NewGuid().ToString("N") : null,
        });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _sqs.DeleteQueueAsync(QueueUrl);
        await _sqs.DeleteQueueAsync(DeadLetterUrl);
    }
}
