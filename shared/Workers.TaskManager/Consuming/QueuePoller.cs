using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// One long-poll loop. It reserves in-flight slots first, so it only receives what can start soon (messages
// received and left waiting would sit out their visibility timeout), asks for every attribute (a subset makes
// the .NET SDK's MD5 check fail against some SQS implementations), and hands each batch to the scheduler.
// `stop` ends the loop without touching a receive in flight: SQS completes an abandoned long poll on its side
// and the messages it takes stay invisible with no one to handle them, so a receive is only aborted through
// `abort`, which the consumer fires once nothing it holds could be picked up that way.
internal sealed class QueuePoller(
    int index,
    IAmazonSQS sqs,
    QueueInfo queue,
    TaskManagerOptions options,
    InFlightLimiter limiter,
    InFlightMessages inFlight,
    GroupScheduler scheduler,
    OutageMonitor outages,
    PollLoopHealth health,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan CapacityCheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            int reserved;
            try
            {
                // Nothing new is taken while a dependency is down: it would only fail, or wait, with the rest.
                await outages.WhenReceivingAsync(stop);
                reserved = await limiter.ReserveAsync(options.BatchSize, CapacityCheck, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (reserved == 0)
            {
                health.WaitingForCapacity(index);
                continue;
            }

            List<Message> messages;
            try
            {
                var response = await sqs.ReceiveMessageAsync(Request(reserved), abort);
                messages = response.Messages ?? [];
                failures = 0;
                health.Polled(index);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                limiter.Release(reserved);
                return;
            }
#pragma warning disable CA1031 // A failed receive is retried with backoff; the health check reports a loop that stays broken.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                limiter.Release(reserved);
                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures++, 10))));
                Log.ReceiveFailed(logger, ex, queue.Url, delay);
                try
                {
                    await Task.Delay(delay, time, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            limiter.Release(reserved - messages.Count);
            Dispatch(messages);
        }
    }

    private void Dispatch(List<Message> messages)
    {
        if (messages.Count == 0)
        {
            return;
        }

        metrics.Received(messages.Count);
        var now = time.GetUtcNow();
        foreach (var message in messages)
        {
            var received = new ReceivedMessage(message, now, options.EffectiveReceiveVisibilityTimeout);
            if (inFlight.TryAdd(received))
            {
                scheduler.Schedule(received);
            }
            else
            {
                limiter.Release(1);
                Log.Redelivered(logger, message.MessageId);
            }
        }
    }

    private ReceiveMessageRequest Request(int count) => new()
    {
        QueueUrl = queue.Url,
        MaxNumberOfMessages = count,
        WaitTimeSeconds = options.WaitTimeSeconds,
        VisibilityTimeout = (int)options.EffectiveReceiveVisibilityTimeout.TotalSeconds,
        MessageSystemAttributeNames = ["All"],
        MessageAttributeNames = ["All"],

        // FIFO: if the SDK retries this call after a network error, SQS returns the same messages instead of
        // hiding a second set for a whole visibility timeout.
        ReceiveRequestAttemptId = queue.IsFifo ? Guid.NewGuid().ToString("N") : null,
    };
}
