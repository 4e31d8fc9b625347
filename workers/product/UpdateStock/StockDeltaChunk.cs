using Microsoft.EntityFrameworkCore;
using Workers.Product.Data;
using Workers.TaskManager;

namespace Workers.Product.UpdateStock;

// Applies one chunk of deltas to one store inside the chunk's transaction. Every level the chunk touches is
// locked first, in product order (see StockRowLock), then the deltas are applied in item order in memory, so
// two deltas of one SKU in a chunk see each other and concurrent tasks cannot lose an update.
internal sealed class StockDeltaChunk(ProductDbContext db, TimeProvider time, int storeId, string storeCode, TaskInfo task)
{
    public async Task ApplyAsync(Chunk<StockDelta> chunk, CancellationToken cancellationToken)
    {
        var skus = chunk.Items.Select(i => i.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var products = await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var now = time.GetUtcNow();
        var created = await StockRowLock.LockAsync(db, storeId, [.. products.Values], now, cancellationToken);
        var productIds = products.Values.ToArray();
        var levels = await db.StockLevels
            .Where(l => l.StoreId == storeId && productIds.Contains(l.ProductId))
            .ToDictionaryAsync(l => l.ProductId, cancellationToken);

        var applied = new HashSet<int>();
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var item = chunk.Items[i];
            var number = chunk.FirstItemNumber + i;
            if (!products.TryGetValue(item.Sku, out var productId))
            {
                chunk.Reject(item.Sku, $"item {number}: unknown SKU '{item.Sku}'; nothing was applied for it.");
                continue;
            }

            var level = levels[productId];
            var after = (long)level.Quantity + item.Delta;
            if (after < 0)
            {
                chunk.Reject(item.Sku, $"item {number}: delta {item.Delta} would take the stock of {item.Sku} in {storeCode} from {level.Quantity} to {after}; stock cannot go below 0, so it was not applied.");
                continue;
            }

            if (after > int.MaxValue)
            {
                chunk.Reject(item.Sku, $"item {number}: delta {item.Delta} would take the stock of {item.Sku} in {storeCode} above {int.MaxValue}.");
                continue;
            }

            level.Quantity = (int)after;
            level.UpdatedAt = now;
            applied.Add(productId);
            db.StockMovements.Add(new StockMovement
            {
                StoreId = storeId,
                ProductId = productId,
                TaskId = task.TaskId,
                Delta = item.Delta,
                QuantityAfter = level.Quantity,
                SourceTaskType = task.TaskType,
                CreatedAt = now,
            });
        }

        // Rows made only to be locked, whose every delta was rejected, are not kept: the store never stocked them.
        db.StockLevels.RemoveRange(created.Where(id => !applied.Contains(id)).Select(id => levels[id]));
    }
}
