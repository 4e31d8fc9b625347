using Microsoft.Extensions.Logging;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Keeps held messages invisible while they wait behind their group or run: on each tick, every message whose
// visibility ends within two ticks gets another visibility timeout, in batched calls. Never past the 12 hours
// after its receive that SQS allows, and never for a message already being settled.
internal sealed class VisibilityHeartbeat(
    InFlightMessages inFlight,
    VisibilitySender sender,
    TimeSpan visibilityTimeout,
    TimeSpan interval,
    TaskManagerMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html
    private static readonly TimeSpan MaxHeld = TimeSpan.FromHours(12);

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Beat();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped after the drain; settling is over.
        }
    }

    private void Beat()
    {
        var now = time.GetUtcNow();
        foreach (var message in inFlight.Snapshot())
        {
            if (message.Settling || message.VisibleUntil - now > interval * 2)
            {
                continue;
            }

            var left = message.ReceivedAt + MaxHeld - now;
            var extension = left < visibilityTimeout ? left : visibilityTimeout;
            if (extension < TimeSpan.FromSeconds(1))
            {
                if (message.VisibleUntil > now)
                {
                    Log.VisibilityLimitReached(logger, message.MessageId);
                }

                continue;
            }

            message.TrackHeartbeat(ExtendAsync(message, TimeSpan.FromSeconds(Math.Floor(extension.TotalSeconds)), now));
        }
    }

    private async Task ExtendAsync(ReceivedMessage message, TimeSpan extension, DateTimeOffset now)
    {
        var result = await sender.SendAsync(new VisibilityChange(message, extension));
        if (result.Succeeded)
        {
            message.Extended(now + extension);
            metrics.Heartbeat();
        }
        else if (!message.Settling)
        {
            metrics.SettleFailed("heartbeat");
            Log.VisibilityChangeFailed(logger, message.MessageId, extension, result.ErrorCode, result.ErrorMessage);
        }
    }
}
