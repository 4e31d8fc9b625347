using System.Collections.Concurrent;

namespace Workers.TaskManager.Consuming;

// Every message this process holds, by message id. A message SQS delivers again while we still hold it (its
// visibility ran out) is recognised here, so it is never handled twice concurrently.
internal sealed class InFlightMessages
{
    private readonly ConcurrentDictionary<string, ReceivedMessage> _messages = new(StringComparer.Ordinal);

    public int Count => _messages.Count;

    public ICollection<ReceivedMessage> Snapshot() => _messages.Values;

    public bool TryAdd(ReceivedMessage message)
    {
        if (_messages.TryAdd(message.MessageId, message))
        {
            return true;
        }

        if (_messages.TryGetValue(message.MessageId, out var held))
        {
            held.Redelivered(message.ReceiptHandle, message.VisibleUntil);
        }

        return false;
    }

    public void Remove(ReceivedMessage message) =>
        _messages.TryRemove(new KeyValuePair<string, ReceivedMessage>(message.MessageId, message));
}
