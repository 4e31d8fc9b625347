using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Workers.TaskManager.Health;
using Workers.TaskManager.Options;
using Workers.TaskManager.Outages;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// One long-poll loop. It polls only while PollerScaling gives it a turn, reserves in-flight slots first, so it
// only receives what can start soon (messages received and left waiting would sit out their visibility timeout),
// asks for every attribute (a subset makes the .NET SDK's MD5 check fail against some SQS implementations), and
// hands each batch to the scheduler. `stop` ends the loop without touching a receive in flight: SQS completes an
// abandoned long poll on its side and the messages it takes stay invisible with no one to handle them, so a
// receive is only aborted through `abort`, which the consumer fires once nothing it holds could be picked up
// that way. A receive error no retry can fix (FatalReceiveErrors) stops every poller and fails the consumer.
internal sealed class QueuePoller(
    int index,
    IAmazonSQS sqs,
    QueueInfo queue,
    TaskManagerOptions options,
    InFlightLimiter limiter,
    PollerScaling scaling,
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

    // With a backlog, how long a poller waits for enough free slots to fill its batch: a few receive round trips
    // at most, far less than what ten one-message receives cost the queue (and, on AWS, the bill).
    private static readonly TimeSpan BatchFill = TimeSpan.FromMilliseconds(50);

    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        using var halted = CancellationTokenSource.CreateLinkedTokenSource(stop, scaling.Halted);
        var failures = 0;
        while (!halted.IsCancellationRequested)
        {
            int reserved;
            try
            {
                // Nothing new is taken while a dependency is down: it would only fail, or wait, with the rest.
                await outages.WhenReceivingAsync(halted.Token);
                if (!await TakeTurnAsync(halted.Token))
                {
                    continue;
                }

                reserved = await limiter.ReserveAsync(scaling.Batch, CapacityCheck, scaling.Backlog ? BatchFill : TimeSpan.Zero, halted.Token);
            }
            catch (OperationCanceledException) when (halted.IsCancellationRequested)
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
#pragma warning disable CA1031 // A failed receive is retried with backoff unless no retry can fix it; the health check reports a loop that stays broken.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                limiter.Release(reserved);
                if (FatalReceiveErrors.WhatToFix(ex) is { } fix)
                {
                    Halt(ex, fix);
                    return;
                }

                var delay = TimeSpan.FromMilliseconds(Math.Min(MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures++, 10))));
                Log.ReceiveFailed(logger, ex, queue.Url, delay);
                try
                {
                    await Task.Delay(delay, time, halted.Token);
                }
                catch (OperationCanceledException) when (halted.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            limiter.Release(reserved - messages.Count);
            scaling.Received(reserved, messages.Count);
            Dispatch(messages);
        }
    }

    // False when the poller is not among the active ones and waited a while: a poller parked on purpose is not a
    // wedged one, so it reports itself alive to the health check each time.
    private async Task<bool> TakeTurnAsync(CancellationToken cancellationToken)
    {
        var turn = scaling.TurnAsync(index);
        if (turn.IsCompleted)
        {
            return true;
        }

        health.Polled(index);
        try
        {
            await turn.WaitAsync(CapacityCheck, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still parked: report in, and look again.
        }

        return false;
    }

    // The first poller to meet the error logs it once and stops the others; the consumer then drains what it
    // holds and the worker exits 1.
    private void Halt(Exception exception, string fix)
    {
        if (scaling.Halt())
        {
            throw FatalReceiveErrors.Fail(queue.Url, fix, exception, logger);
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
