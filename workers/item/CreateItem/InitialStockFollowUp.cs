using System.Security.Cryptography;
using System.Text;
using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.Item.CreateItem;

// The initial stock of the items one chunk created, as updateStock tasks for the product worker: one per store,
// enqueued through the outbox so they are published exactly when the chunk's items have committed. Stock is
// added as a delta, not set: the product is new, so its level is 0 unless a receipt got there first, and a
// delta adds to that instead of overwriting it.
internal sealed class InitialStockFollowUp
{
    public const string Worker = "product";
    public const string TaskType = "updateStock";

    // SQS's limit on a task id (it becomes the deduplication id's source).
    private const int MaxTaskIdLength = 128;

    private readonly Dictionary<string, List<StockDelta>> _byStore = new(StringComparer.Ordinal);

    public void Add(string storeCode, string sku, int quantity)
    {
        if (quantity == 0)
        {
            return;
        }

        if (!_byStore.TryGetValue(storeCode, out var deltas))
        {
            _byStore[storeCode] = deltas = [];
        }

        deltas.Add(new StockDelta(sku, quantity));
    }

    // One task per store, grouped by store so one store's stock tasks stay in order. The task id is derived from
    // the chunk, so the row a chunk wrote is the same task whoever asks (the outbox keeps one row per task id).
    public void EnqueueAll<TItem>(Chunk<TItem> chunk, TaskInfo task)
    {
        foreach (var (store, deltas) in _byStore)
        {
            var body = new UpdateStockBody(store, deltas);
            chunk.Enqueue(Worker, TaskMessage.Create(TaskType, body, groupId: store, taskId: TaskId(task.TaskId, chunk.Index, store)));
        }
    }

    public static string TaskId(string taskId, int chunkIndex, string storeCode)
    {
        var id = $"{taskId}:stock:{chunkIndex}:{storeCode}";
        return id.Length <= MaxTaskIdLength
            ? id
            : $"item-stock-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))}";
    }
}
