using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
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
// Round trips per chunk, whatever its size: the lookups (one batch, ChunkLookup: stores, SKUs, codes already
// recorded, the named sales locked), the ledger's lock + read, and one batch with the ledger's writes, the
// transactions with their lines and the sales' counts. Locks, in this order in every chunk: the named sales (FOR
// UPDATE, by id), the stock levels (the ledger, one ordered pass), the new transaction codes (inserted in
// (store, code) order).
internal sealed class RegisterChunk(PosDbContext db, WholeGroups stock, TimeProvider time, TaskInfo task)
{
    public int Duplicates { get; private set; }

    public async Task ApplyAsync(Chunk<RegisterTransaction> chunk, CancellationToken cancellationToken)
    {
        var items = chunk.Items;
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A chunk runs inside its transaction; none is open.");
        var lookup = await ChunkLookup.ReadAsync(
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)transaction.GetDbTransaction(),
            items,
            cancellationToken);

        var candidates = new List<Candidate>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var number = chunk.FirstItemNumber + i;
            var reason = Check(item, lookup, out var candidate);
            if (reason is not null)
            {
                chunk.Reject(item.Key, $"transaction {number} ({item.Key}): {reason}.");
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

        if (candidates.Count == 0)
        {
            return;
        }

        var quota = new SaleQuota(lookup.Sales.ById, candidates);
        var groups = candidates.Select(c => c.Stock(c.Transaction.Kind == TransactionKind.Sell ? StockReasons.Sale : StockReasons.BuyBack)).ToList();
        var now = time.GetUtcNow();
        var rejections = await stock.ApplyAsync(groups, StockCause.From(task), quota, applied => Writes(candidates, applied, quota, now), cancellationToken);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (rejections[i] is { } reason)
            {
                chunk.Reject(candidates[i].Transaction.Key, $"transaction {candidates[i].Transaction.Key}: {reason}.");
            }
        }
    }

    // The rows of the transactions whose stock was applied, written in the ledger's write round trip.
    private IEnumerable<NpgsqlBatchCommand> Writes(List<Candidate> candidates, IReadOnlyList<bool> applied, SaleQuota quota, DateTimeOffset now)
    {
        var accepted = candidates.Where((_, i) => applied[i]).ToList();
        if (accepted.Count == 0)
        {
            yield break;
        }

        yield return TransactionRows.Command(accepted, task.TaskId, now);
        if (SaleCounts.Add(quota.Taken) is { } counts)
        {
            yield return counts;
        }
    }

    // Null with a candidate: record it. Null without one: already recorded with this content (a resend), nothing
    // to do. A reason: reject it.
    private static string? Check(RegisterTransaction transaction, ChunkLookup lookup, out Candidate? candidate)
    {
        candidate = null;
        var (stores, products, sales, recorded) = (lookup.StoreIds, lookup.ProductIds, lookup.Sales, lookup.Hashes);
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
}
