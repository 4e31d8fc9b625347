using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Workers.Fleet;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Consuming;

/// <summary>
/// Finds the fleet's queues: a URL configured under <c>Fleet:QueueUrls</c>, else the queue the fleet declaration
/// names for the worker in this environment. Reads redrive policies to find dead-letter queues.
/// </summary>
public sealed class QueueDirectory(IAmazonSQS sqs, IOptions<FleetOptions> options, FleetDeclaration fleet)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _urls = new(StringComparer.Ordinal);

    /// <summary>The URL of <paramref name="worker"/>'s queue.</summary>
    public Task<string> GetQueueUrlAsync(string worker, CancellationToken cancellationToken)
    {
        if (options.Value.QueueUrls.TryGetValue(worker, out var configured))
        {
            return Task.FromResult(configured.ToString());
        }

        var name = fleet.Worker(worker).QueueName(options.Value.Environment);
        return _urls.GetOrAdd(name, n => new Lazy<Task<string>>(() => LookUpAsync(worker, n, cancellationToken))).Value;
    }

    /// <summary>Reads whether <paramref name="queueUrl"/> is FIFO and where its redrive policy sends messages.</summary>
    public async Task<QueueInfo> DescribeAsync(string queueUrl, int fallbackMaxReceiveCount, CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["RedrivePolicy", "FifoQueue", "QueueArn"] },
            cancellationToken);
        var fifo = attributes.Attributes?.GetValueOrDefault("FifoQueue") == "true"
            || queueUrl.EndsWith(".fifo", StringComparison.Ordinal);
        if (attributes.Attributes?.GetValueOrDefault("RedrivePolicy") is not { Length: > 0 } redrive)
        {
            return new QueueInfo(queueUrl, fifo, null, fallbackMaxReceiveCount);
        }

        using var policy = JsonDocument.Parse(redrive);
        var targetArn = policy.RootElement.GetProperty("deadLetterTargetArn").GetString()!;
        var maxReceive = policy.RootElement.GetProperty("maxReceiveCount") is { ValueKind: JsonValueKind.String } text
            ? int.Parse(text.GetString()!, CultureInfo.InvariantCulture)
            : policy.RootElement.GetProperty("maxReceiveCount").GetInt32();

        // arn:aws:sqs:<region>:<account>:<name>
        var arn = targetArn.Split(':');
        var deadLetter = await sqs.GetQueueUrlAsync(
            new GetQueueUrlRequest { QueueName = arn[^1], QueueOwnerAWSAccountId = arn[^2] },
            cancellationToken);
        return new QueueInfo(queueUrl, fifo, deadLetter.QueueUrl, maxReceive);
    }

    private async Task<string> LookUpAsync(string worker, string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await sqs.GetQueueUrlAsync(name, cancellationToken)).QueueUrl;
        }
        catch (QueueDoesNotExistException ex)
        {
            _urls.TryRemove(name, out _);
            throw new InvalidOperationException(
                $"Queue '{name}' (worker '{worker}', environment '{options.Value.Environment}') does not exist. Locally, run infra/local/stack.sh start; in AWS, deploy copilot/ or infra/, or set Fleet:QueueUrls:{worker}.",
                ex);
        }
        catch
        {
            _urls.TryRemove(name, out _);
            throw;
        }
    }
}
