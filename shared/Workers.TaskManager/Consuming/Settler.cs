using Microsoft.Extensions.Logging;
using Workers.TaskManager.Health;
using Workers.TaskManager.Telemetry;

namespace Workers.TaskManager.Consuming;

// Ends a message's stay in this process: deleted after success, or handed back to SQS with a visibility
// timeout (0 to release it now, a backoff after a failure). The in-flight slot is freed once SQS has answered.
internal sealed class Settler(
    DeleteSender deletes,
    VisibilitySender visibility,
    InFlightMessages inFlight,
    InFlightLimiter limiter,
    PollLoopHealth health,
    TaskManagerMetrics metrics,
    ILogger logger)
{
    public void Delete(ReceivedMessage message) => _ = DeleteAsync(message);

    public void Release(ReceivedMessage message) => _ = ChangeVisibilityAsync(message, TimeSpan.Zero);

    public void Backoff(ReceivedMessage message, TimeSpan delay) => _ = ChangeVisibilityAsync(message, delay);

    private async Task DeleteAsync(ReceivedMessage message)
    {
        try
        {
            _ = message.BeginSettling(); // A delete wins over any extension still in flight.
            var result = await deletes.SendAsync(message);
            if (!result.Succeeded)
            {
                metrics.SettleFailed("delete");
                Log.DeleteFailed(logger, message.MessageId, result.ErrorCode, result.ErrorMessage);
            }
        }
        finally
        {
            Finish(message);
        }
    }

    private async Task ChangeVisibilityAsync(ReceivedMessage message, TimeSpan timeout)
    {
        try
        {
            // An extension still in flight must land before this change, or it would undo a release.
            await message.BeginSettling();
            var result = await visibility.SendAsync(new VisibilityChange(message, timeout));
            if (!result.Succeeded)
            {
                metrics.SettleFailed("change_visibility");
                Log.VisibilityChangeFailed(logger, message.MessageId, timeout, result.ErrorCode, result.ErrorMessage);
            }
        }
        finally
        {
            Finish(message);
        }
    }

    private void Finish(ReceivedMessage message)
    {
        inFlight.Remove(message);
        limiter.Release(1);
        health.Settled();
    }
}
