using Workers.Fleet;

namespace Workers.Infra.Render.Shared;

// Production's queue-delay scaling, from the task types. Copilot keeps backlog per task <= latency / processing
// time (https://aws.github.io/copilot-cli/docs/manifest/worker-service/#count-queue-delay).
internal static class Scaling
{
    // Same as the oldest-message alarm: scaling reacts before the alarm would fire.
    public static readonly TimeSpan AcceptableLatencyFloor = Alarms.OldestMessageThreshold;

    // Worst case per message: every message runs as long as the slowest task type may, and a task works on
    // MaxInFlight messages at once. Rounded up to whole milliseconds.
    public static TimeSpan MessageProcessingTime(FleetWorker worker) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(worker.SlowestTaskTimeout.TotalMilliseconds / worker.MaxInFlight));

    // Copilot refuses a processing time longer than the acceptable latency.
    public static TimeSpan AcceptableLatency(FleetWorker worker)
    {
        var processing = MessageProcessingTime(worker);
        return processing > AcceptableLatencyFloor ? processing : AcceptableLatencyFloor;
    }

    // The queue's own visibility timeout: at least one run of the slowest task type, so a consumer that does not
    // heartbeat never sees a message come back mid-run. The TaskManager asks for its own per receive.
    public static TimeSpan QueueVisibilityTimeout(FleetWorker worker) =>
        worker.SlowestTaskTimeout > worker.VisibilityTimeout ? worker.SlowestTaskTimeout : worker.VisibilityTimeout;

    // Claim-checked bodies must outlive a message that waits its full retention and then its full DLQ retention.
    public static int ClaimCheckExpiryDays(FleetDeclaration fleet) =>
        (int)Math.Ceiling((fleet.MessageRetention + fleet.DeadLetterRetention).TotalDays);
}
