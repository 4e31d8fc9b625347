using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Options;
using Workers.TaskManager.Consuming;
using Workers.TaskManager.Envelope;
using Workers.TaskManager.Options;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Publishing;

// Large item lists are not split into chunk messages: the task stays one message (one task id, one progress
// record, one retry unit, trivially in order within its group) and its body goes to S3 when it is too large
// (claim check). The handler then chunks it with a ledgered transaction per chunk. ARCHITECTURE.md says why.
internal sealed class TaskPublisher(
    IAmazonSQS sqs,
    QueueDirectory queues,
    ClaimCheckStore claimChecks,
    IOptions<ClaimCheckOptions> claimCheckOptions,
    TimeProvider time) : ITaskPublisher
{
    // SendMessageBatch takes at most 10 entries and 1 MiB in total.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessageBatch.html
    private const int MaxBatchEntries = 10;
    private const int MaxBatchBytes = 1_048_576;
    private const int MaxAttempts = 3;

    public async Task<PublishedTask> PublishAsync(string worker, TaskMessage message, CancellationToken cancellationToken = default) =>
        (await PublishBatchAsync(worker, [message], cancellationToken))[0];

    public async Task<IReadOnlyList<PublishedTask>> PublishBatchAsync(string worker, IReadOnlyList<TaskMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var url = await queues.GetQueueUrlAsync(worker, cancellationToken);
        var fifo = url.EndsWith(".fifo", StringComparison.Ordinal);
        var entries = new Prepared[messages.Count];
        var results = new PublishedTask?[entries.Length];
        var failures = new List<TaskPublishFailure>();
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                entries[i] = await PrepareAsync(worker, messages[i], fifo, cancellationToken);
            }

            foreach (var batch in Batches(entries))
            {
                await SendAsync(url, batch, results, failures, cancellationToken);
            }
        }
        finally
        {
            EndSpans(entries, results);
        }

        var published = results.OfType<PublishedTask>().ToList();
        return failures.Count > 0 ? throw new TaskPublishException(failures, published) : published;
    }

    private async Task<Prepared> PrepareAsync(string worker, TaskMessage message, bool fifo, CancellationToken cancellationToken)
    {
        var taskId = message.TaskId ?? Guid.CreateVersion7().ToString();
        var bodyJson = message.Body.GetRawText();
        var body = Encoding.UTF8.GetBytes(bodyJson);

        // The send span is the consumer's parent; it must not become the parent of the next message's span,
        // so the caller's activity is current again once it has started.
        var caller = Activity.Current;
        var span = TaskActivity.StartSend(worker, taskId, message.TaskType, message.GroupId, message.TraceParent);
        Activity.Current = caller;
        var traceParent = span?.Id ?? message.TraceParent ?? caller?.Id;
        var now = time.GetUtcNow();
        var envelope = EnvelopeWriter.Write(taskId, message.TaskType, body, null, traceParent, now);
        BodyReference? reference = null;
        if (envelope.Length > claimCheckOptions.Value.ThresholdBytes)
        {
            reference = await claimChecks.PutAsync(worker, taskId, body, cancellationToken);
            envelope = EnvelopeWriter.Write(taskId, message.TaskType, [], reference, traceParent, now);
        }

        var deduplicationId = !fifo ? null
            : message.DeduplicationId
              ?? (message.TaskId is not null ? DeduplicationIds.ForTask(taskId) : DeduplicationIds.ForContent(message.TaskType, message.GroupId, bodyJson));
        return new Prepared(message, taskId, Encoding.UTF8.GetString(envelope), fifo ? message.GroupId : null, deduplicationId, reference, span);
    }

    private static void EndSpans(Prepared[] entries, PublishedTask?[] results)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i]?.Span is not { } span)
            {
                continue;
            }

            if (results[i] is { } published)
            {
                span.SetTag(MessagingTags.MessageId, published.MessageId);
            }
            else
            {
                span.SetStatus(ActivityStatusCode.Error, "SQS did not accept the message.");
            }

            span.Dispose();
        }
    }

    private static IEnumerable<List<(int Index, Prepared Entry)>> Batches(Prepared[] entries)
    {
        var batch = new List<(int, Prepared)>(MaxBatchEntries);
        var bytes = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var size = Encoding.UTF8.GetByteCount(entries[i].Envelope);
            if (batch.Count == MaxBatchEntries || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = new List<(int, Prepared)>(MaxBatchEntries);
                bytes = 0;
            }

            batch.Add((i, entries[i]));
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private async Task SendAsync(string url, List<(int Index, Prepared Entry)> batch, PublishedTask?[] results, List<TaskPublishFailure> failures, CancellationToken cancellationToken)
    {
        var pending = batch;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var request = new SendMessageBatchRequest
            {
                QueueUrl = url,
                Entries = [.. pending.Select(p => new SendMessageBatchRequestEntry(p.Index.ToString(CultureInfo.InvariantCulture), p.Entry.Envelope)
                {
                    MessageGroupId = p.Entry.GroupId,
                    MessageDeduplicationId = p.Entry.DeduplicationId,
                })],
            };
            var response = await sqs.SendMessageBatchAsync(request, cancellationToken);
            foreach (var ok in response.Successful ?? [])
            {
                var index = int.Parse(ok.Id, CultureInfo.InvariantCulture);
                var entry = batch.First(b => b.Index == index).Entry;
                results[index] = new PublishedTask(entry.TaskId, ok.MessageId, entry.DeduplicationId, entry.ClaimCheck);
            }

            var retry = new List<(int, Prepared)>();
            foreach (var failed in response.Failed ?? [])
            {
                var index = int.Parse(failed.Id, CultureInfo.InvariantCulture);
                var entry = batch.First(b => b.Index == index).Entry;
                if (failed.SenderFault == false && attempt < MaxAttempts)
                {
                    retry.Add((index, entry));
                }
                else
                {
                    failures.Add(new TaskPublishFailure(entry.TaskId, entry.Message.TaskType, failed.Code, failed.Message));
                }
            }

            if (retry.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), time, cancellationToken);
            }

            pending = retry;
        }
    }

    private sealed record Prepared(TaskMessage Message, string TaskId, string Envelope, string? GroupId, string? DeduplicationId, BodyReference? ClaimCheck, Activity? Span);
}
