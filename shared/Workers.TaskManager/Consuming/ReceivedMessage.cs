using System.Globalization;
using Amazon.SQS.Model;
using Workers.TaskManager.Outages;

namespace Workers.TaskManager.Consuming;

// A message from the moment it is received until it is deleted, released or moved: the unit the in-flight
// limit counts, the heartbeat extends and the group scheduler orders.
internal sealed class ReceivedMessage
{
    private readonly Lock _gate = new();
    private string _receiptHandle;
    private DateTimeOffset _visibleUntil;
    private Task _pendingHeartbeat = Task.CompletedTask;

    public ReceivedMessage(Message message, DateTimeOffset receivedAt, TimeSpan visibilityTimeout)
    {
        Message = message;
        _receiptHandle = message.ReceiptHandle;
        ReceivedAt = receivedAt;
        _visibleUntil = receivedAt + visibilityTimeout;
        var attributes = message.Attributes;
        GroupId = attributes?.GetValueOrDefault("MessageGroupId");
        ReceiveCount = attributes?.GetValueOrDefault("ApproximateReceiveCount") is { } count
            ? int.Parse(count, CultureInfo.InvariantCulture)
            : 1;
    }

    public Message Message { get; }

    public string MessageId => Message.MessageId;

    public string? GroupId { get; }

    public int ReceiveCount { get; }

    // Attempts made without handing the message back to SQS (see GroupScheduler): each counts like a receive.
    public int LocalRetries { get; private set; }

    // The attempt this delivery is on: SQS's receive count plus the retries made in place.
    public int Attempt => ReceiveCount + LocalRetries;

    // How long to wait before retrying in place, set by the processor with TaskOutcome.RetryInPlace.
    public TimeSpan RetryDelay { get; set; }

    public void RetriedInPlace() => LocalRetries++;

    // Set while the message is held waiting for a dependency that is down (see OutageMonitor).
    public HeldDelivery? Held { get; set; }

    // The order in which the scheduler took messages in; see GroupScheduler.HoldBack.
    public long Sequence { get; set; }

    public DateTimeOffset ReceivedAt { get; }

    // Set once the message is being deleted, released or moved: the heartbeat must leave it alone from then on.
    public bool Settling { get; private set; }

    public string ReceiptHandle
    {
        get { lock (_gate) { return _receiptHandle; } }
    }

    public DateTimeOffset VisibleUntil
    {
        get { lock (_gate) { return _visibleUntil; } }
    }

    // SQS delivered the same message again (its visibility ran out): only the newest receipt handle works now.
    public void Redelivered(string receiptHandle, DateTimeOffset visibleUntil)
    {
        lock (_gate)
        {
            _receiptHandle = receiptHandle;
            _visibleUntil = visibleUntil;
        }
    }

    public void Extended(DateTimeOffset visibleUntil)
    {
        lock (_gate)
        {
            if (visibleUntil > _visibleUntil)
            {
                _visibleUntil = visibleUntil;
            }
        }
    }

    public void TrackHeartbeat(Task heartbeat)
    {
        lock (_gate)
        {
            _pendingHeartbeat = heartbeat;
        }
    }

    // Marks the message as settling and returns the heartbeat still in flight for it, if any: a visibility change
    // to release the message must not be overtaken by an older extension.
    public Task BeginSettling()
    {
        lock (_gate)
        {
            Settling = true;
            return _pendingHeartbeat;
        }
    }
}
