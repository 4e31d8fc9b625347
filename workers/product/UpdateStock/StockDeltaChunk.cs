using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.UpdateStock;

// Applies one chunk of deltas to one store inside the chunk's transaction, through the stock ledger: it locks
// every level the chunk touches in the fleet's one order and applies the deltas in item order, so two deltas of
// one SKU in a chunk see each other and concurrent tasks cannot lose an update.
internal sealed class StockDeltaChunk(PosDbContext db, StockLedger ledger, int storeId, string storeCode, TaskInfo task)
{
    public async Task ApplyAsync(Chunk<StockDelta> chunk, CancellationToken cancellationToken)
    {
        var skus = chunk.Items.Select(i => i.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var products = await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);

        var changes = new List<StockChange>(chunk.Items.Count);
        var numbers = new List<long>(chunk.Items.Count);
        // Reported in item order, whichever check rejected them.
        var rejections = new SortedList<long, (string Sku, string Reason)>();
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var item = chunk.Items[i];
            var number = chunk.FirstItemNumber + i;
            if (!products.TryGetValue(item.Sku, out var productId))
            {
                rejections.Add(number, (item.Sku, $"item {number}: unknown SKU '{item.Sku}'; nothing was applied for it."));
                continue;
            }

            changes.Add(StockChange.Add(storeId, productId, item.Delta, StockReasons.Adjustment, $"item {number}"));
            numbers.Add(number);
        }

        var outcomes = await ledger.ApplyAsync(changes, StockCause.From(task), cancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (outcomes[i].RejectionReason is { } reason)
            {
                var sku = chunk.Items[(int)(numbers[i] - chunk.FirstItemNumber)].Sku;
                rejections.Add(numbers[i], (sku, $"item {numbers[i]}: delta {outcomes[i].Change.Quantity} of {sku} in {storeCode} {reason}."));
            }
        }

        foreach (var (sku, reason) in rejections.Values)
        {
            chunk.Reject(sku, reason);
        }
    }
}
