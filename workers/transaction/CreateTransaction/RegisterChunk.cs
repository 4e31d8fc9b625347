using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.Domain.Transactions;
using Workers.TaskManager;
using Workers.Transaction.Sales;
using Workers.Transaction.Stock;

namespace Workers.Transaction.CreateTransaction;

// Records one chunk of register transactions inside the chunk's database transaction. Each transaction is an
// item: recorded whole (its row, its lines, its stock, its sales' counts) or rejected whole with a reason.
//
// Locks, in this order in every chunk: the named sales (FOR UPDATE, by id), the stock levels (the ledger, one
// ordered pass), the new transaction codes (inserted in (store, code) order).
internal sealed class RegisterChunk(PosDbContext db, WholeGroups stock, TimeProvider time, TaskInfo task)
{
    public int Duplicates { get; private set; }

    public async Task ApplyAsync(Chunk<RegisterTransaction> chunk, CancellationToken cancellationToken)
    {
        var items = chunk.Items;
        var storeCodes = items.Select(t => t.StoreCode).Distinct().ToArray();
        var stores = await db.Stores.AsNoTracking()
            .Where(s => storeCodes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var skus = items.SelectMany(t => t.Lines).Select(l => l.Sku).Distinct().ToArray();
        var products = await db.Products.AsNoTracking()
            .Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var codes = items.Select(t => t.Code).Distinct().ToArray();
        var storeIds = stores.Values.ToArray();
        var recorded = (await db.Transactions.AsNoTracking()
            .Where(t => storeIds.Contains(t.StoreId) && codes.Contains(t.Code))
            .Select(t => new { t.StoreId, t.Code, t.ContentHash })
            .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.StoreId, t.Code), t => t.ContentHash);
        var sales = await LockSalesAsync(items, storeIds, cancellationToken);

        var candidates = new List<Candidate>();
        for (var i = 0; i < items.Count; i++)
        {
            var transaction = items[i];
            var number = chunk.FirstItemNumber + i;
            var reason = Check(transaction, stores, products, sales, recorded, out var candidate);
            if (reason is not null)
            {
                chunk.Reject(transaction.Key, $"transaction {number} ({transaction.Key}): {reason}.");
            }
            else if (candidate is null)
            {
                Duplicates++;
            }
            else
            {
                candidates.Add(candidate);
            }
        }

        var quota = new SaleQuota(sales.ById, candidates);
        var groups = candidates.Select(c => c.Stock(c.Transaction.Kind == TransactionKind.Sell ? StockReasons.Sale : StockReasons.BuyBack)).ToList();
        var rejections = await stock.ApplyAsync(groups, StockCause.From(task), quota, cancellationToken);
        var accepted = new List<Candidate>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (rejections[i] is { } reason)
            {
                var transaction = candidates[i].Transaction;
                chunk.Reject(transaction.Key, $"transaction {transaction.Key}: {reason}.");
            }
            else
            {
                accepted.Add(candidates[i]);
            }
        }

        if (accepted.Count > 0)
        {
            var now = time.GetUtcNow();
            await TransactionRows.InsertAsync(db, accepted, task.TaskId, now, cancellationToken);
            await SaleCounts.AddAsync(db, quota.Taken, cancellationToken);
        }
    }

    // Null with a candidate: record it. Null without one: already recorded with this content (a resend), nothing
    // to do. A reason: reject it.
    private static string? Check(
        RegisterTransaction transaction,
        Dictionary<string, int> stores,
        Dictionary<string, int> products,
        ChunkSales sales,
        Dictionary<(int, string), string> recorded,
        out Candidate? candidate)
    {
        candidate = null;
        if (!stores.TryGetValue(transaction.StoreCode, out var storeId))
        {
            return $"unknown store '{transaction.StoreCode}'";
        }

        var hash = ContentHash.Of(transaction);
        if (recorded.TryGetValue((storeId, transaction.Code), out var existing))
        {
            return existing == hash
                ? null
                : $"code '{transaction.Code}' is already recorded in store {transaction.StoreCode} with other content; a transaction code cannot be reused";
        }

        if (transaction.Status is not (TransactionStatus.Completed or TransactionStatus.Pending))
        {
            return $"a transaction is created pending or completed, not {transaction.Status.ToString().ToLowerInvariant()} (use updateTransaction)";
        }

        var lines = new List<CandidateLine>();
        for (var i = 0; i < transaction.Lines.Count; i++)
        {
            var line = transaction.Lines[i];
            var label = $"line {i + 1} ({line.Sku})";
            if (!products.TryGetValue(line.Sku, out var productId))
            {
                return $"{label}: unknown SKU '{line.Sku}'; nothing of the transaction was recorded";
            }

            if (line.Total < 0)
            {
                return $"{label}: its discount {line.Discount} exceeds quantity × unit price {line.Total + line.Discount}";
            }

            int? saleId = null;
            if (line.SaleCode is { } saleCode)
            {
                var saleReason = sales.Check(transaction, storeId, productId, saleCode, out var sale);
                if (saleReason is not null)
                {
                    return $"{label}: {saleReason}; nothing of the transaction was recorded";
                }

                saleId = sale!.Id;
            }

            lines.Add(new CandidateLine(i + 1, productId, line.Quantity, line.UnitPrice, line.Discount, saleId));
        }

        // Remembered, so a second copy later in the same task is a resend too (or a reused code).
        recorded[(storeId, transaction.Code)] = hash;
        candidate = new Candidate(transaction, storeId, hash, lines);
        return null;
    }

    private async Task<ChunkSales> LockSalesAsync(IReadOnlyList<RegisterTransaction> items, int[] storeIds, CancellationToken cancellationToken)
    {
        var saleCodes = items.SelectMany(t => t.Lines).Select(l => l.SaleCode).OfType<string>().Distinct().ToArray();
        if (saleCodes.Length == 0)
        {
            return ChunkSales.None;
        }

        var sales = await db.Sales
            .FromSql($"SELECT * FROM pos.sales WHERE store_id = ANY({storeIds}) AND code = ANY({saleCodes}) ORDER BY id FOR UPDATE")
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var ids = sales.Select(s => s.Id).ToArray();
        var onSale = await db.SaleProducts.AsNoTracking()
            .Where(p => ids.Contains(p.SaleId))
            .Select(p => new { p.SaleId, p.ProductId })
            .ToListAsync(cancellationToken);
        return new ChunkSales(sales, [.. onSale.Select(p => (p.SaleId, p.ProductId))]);
    }
}
