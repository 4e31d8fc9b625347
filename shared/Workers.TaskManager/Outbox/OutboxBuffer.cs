using Workers.Fleet;
using Workers.TaskManager.Publishing;

namespace Workers.TaskManager.Outbox;

// The rows one step enqueued, written by the StepRunner inside the step's transaction just before it commits.
// Closed when the step ends: an Enqueue on a chunk kept past its step would otherwise be silently lost.
internal sealed class OutboxBuffer(FleetWorker source)
{
    private readonly List<OutboxEntry> _entries = [];
    private bool _closed;

    public FleetWorker Source => source;

    public IReadOnlyList<OutboxEntry> Entries => _entries;

    public string Add(string target, TaskMessage message, DateTimeOffset? dueAt)
    {
        if (_closed)
        {
            throw new InvalidOperationException(
                "Enqueue was called after its step ended: call it inside the chunk processor or the TransactionAsync work, so the task commits with the step's effects.");
        }

        var entry = OutboxTargets.Check(source.Fleet, source, target, message, dueAt);
        _entries.Add(entry);
        return entry.TaskId;
    }

    public void Close() => _closed = true;
}
