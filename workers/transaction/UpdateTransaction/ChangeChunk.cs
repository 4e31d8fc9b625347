using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.Domain.Transactions;
using Workers.TaskManager;
using Workers.Transaction.Sales;
using Workers.Transaction.Stock;
using PosTransaction = Workers.Domain.Transactions.Transaction;

namespace Workers.Transaction.UpdateTransaction;

// Applies state changes inside the chunk's database transaction. A cancel or a return reverses the stock of
// every line (a sale's units come back, a buy-back's go out again) whole or not at all, and gives the lines'
// units back to their sales.
//
// Locks, in this order: the transactions (FOR UPDATE, by id), their sales (by id), the stock levels (the ledger),
// new return codes. createTransaction takes sales before levels too, so the two never wait on each other in a cycle.
internal sealed class ChangeChunk(PosDbContext db, WholeGroups stock, TimeProvider time, TaskInfo task)
{
    public int Unchanged { get; private set; }

    public async Task ApplyAsync(Chunk<TransactionChange> chunk, CancellationToken cancellationToken)
    {
        var items = chunk.Items;
        var storeCodes = items.Select(c => c.StoreCode).Distinct().ToArray();
        var stores = await db.Stores.AsNoTracking()
            .Where(s => storeCodes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var storeIds = stores.Values.ToArray();
        var codes = items.SelectMany(c => new[] { c.Code, c.ReturnCode }).OfType<string>().Distinct().ToArray();
        var rows = (await db.Transactions
            .FromSql($"SELECT * FROM pos.transactions WHERE store_id = ANY({storeIds}) AND code = ANY({codes}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.StoreId, t.Code));

        var now = time.GetUtcNow();
        var reversals = new List<(TransactionChange Change, PosTransaction Row)>();
        for (var i = 0; i < items.Count; i++)
        {
            var change = items[i];
            var reason = Decide(change, stores, rows, now, out var reverse);
            if (reason is not null)
            {
                chunk.Reject(change.Key, $"change {chunk.FirstItemNumber + i} ({change.Action.ToString().ToLowerInvariant()} {change.Key}): {reason}.");
            }
            else if (reverse is not null)
            {
                reversals.Add((change, reverse));
            }
        }

        if (reversals.Count == 0)
        {
            return;
        }

        var ids = reversals.Select(r => r.Row.Id).ToArray();
        var lines = (await db.TransactionLines.AsNoTracking()
            .Where(l => ids.Contains(l.TransactionId))
            .OrderBy(l => l.LineNumber)
            .ToListAsync(cancellationToken))
            .ToLookup(l => l.TransactionId);
        await SaleCounts.LockAsync(db, [.. lines.SelectMany(g => g).Select(l => l.SaleId).OfType<int>().Distinct().Order()], cancellationToken);

        var groups = reversals.Select(r => Reversal(r.Row, [.. lines[r.Row.Id]])).ToList();
        var rejections = await stock.ApplyAsync(groups, StockCause.From(task), admission: null, alongside: null, cancellationToken);
        var saleUnits = new Dictionary<int, long>();
        for (var i = 0; i < reversals.Count; i++)
        {
            var (change, row) = reversals[i];
            if (rejections[i] is { } reason)
            {
                chunk.Reject(change.Key, $"{change.Action.ToString().ToLowerInvariant()} {change.Key}: {reason}.");
                continue;
            }

            foreach (var line in lines[row.Id].Where(l => l.SaleId is not null))
            {
                saleUnits[line.SaleId!.Value] = saleUnits.GetValueOrDefault(line.SaleId.Value) + line.Quantity;
            }

            if (change.Action == TransactionAction.Cancel)
            {
                row.Status = TransactionStatus.Cancelled;
                row.CancelledAt = now;
            }
            else
            {
                row.Status = TransactionStatus.Returned;
                await AddReturnAsync(row, change.ReturnCode!, [.. lines[row.Id]], now, cancellationToken);
            }
        }

        await SaleCounts.SubtractAsync(db, saleUnits, cancellationToken);
    }

    // Null: allowed (reverse set when it changes stock) or already in the asked state. Else why not.
    private string? Decide(
        TransactionChange change,
        Dictionary<string, int> stores,
        Dictionary<(int, string), PosTransaction> rows,
        DateTimeOffset now,
        out PosTransaction? reverse)
    {
        reverse = null;
        if (!stores.TryGetValue(change.StoreCode, out var storeId))
        {
            return $"unknown store '{change.StoreCode}'";
        }

        if (!rows.TryGetValue((storeId, change.Code), out var row))
        {
            return $"no transaction '{change.Code}' in store {change.StoreCode}";
        }

        var state = row.Status.ToString().ToLowerInvariant();
        switch (change.Action, row.Status)
        {
            case (TransactionAction.Complete, TransactionStatus.Pending):
                row.Status = TransactionStatus.Completed;
                row.CompletedAt = now;
                return null;
            case (TransactionAction.Complete, TransactionStatus.Completed):
            case (TransactionAction.Cancel, TransactionStatus.Cancelled):
            case (TransactionAction.Return, TransactionStatus.Returned):
                Unchanged++;
                return null;
            case (TransactionAction.Cancel, TransactionStatus.Pending or TransactionStatus.Completed):
                reverse = row;
                return null;
            case (TransactionAction.Return, TransactionStatus.Completed):
                if (change.ReturnCode is null)
                {
                    return "a return needs a returnCode for the return transaction";
                }

                if (rows.ContainsKey((storeId, change.ReturnCode)))
                {
                    return $"return code '{change.ReturnCode}' is already a transaction of store {change.StoreCode}";
                }

                if (row.OriginalTransactionId is not null)
                {
                    return "it is itself a return";
                }

                reverse = row;
                return null;
            case (TransactionAction.Return, TransactionStatus.Pending):
                return "a pending transaction cannot be returned: complete it first, or cancel it";
            default:
                return $"it is {state}; a {state} transaction cannot be {(change.Action == TransactionAction.Complete ? "completed" : change.Action == TransactionAction.Cancel ? "cancelled" : "returned")}";
        }
    }

    private static StockGroup Reversal(PosTransaction row, TransactionLine[] lines) => new(
        [.. lines.Select(l => StockChange.Add(
            row.StoreId,
            l.ProductId,
            row.Kind == TransactionKind.Sell ? l.Quantity : -l.Quantity,
            StockReasons.Reversal,
            $"{row.Code} line {l.LineNumber}"))],
        i => $"reversing line {lines[i].LineNumber} ({(row.Kind == TransactionKind.Sell ? "+" : "-")}{lines[i].Quantity} of product {lines[i].ProductId})");

    // The return: a completed transaction of the same kind whose lines repeat the original's and whose total is the
    // original's, negated (the money goes back). Its stock is the reversal just applied.
    private async Task AddReturnAsync(PosTransaction original, string code, TransactionLine[] lines, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var returned = new PosTransaction
        {
            StoreId = original.StoreId,
            Code = code,
            Kind = original.Kind,
            Status = TransactionStatus.Completed,
            Total = -original.Total,
            Discount = original.Discount,
            PaymentMethod = original.PaymentMethod,
            ContentHash = $"return-of-{original.Id}",
            OriginalTransactionId = original.Id,
            TaskId = task.TaskId,
            CreatedAt = now,
            CompletedAt = now,
        };
        db.Transactions.Add(returned);
        await db.SaveChangesAsync(cancellationToken);
        db.TransactionLines.AddRange(lines.Select(l => new TransactionLine
        {
            TransactionId = returned.Id,
            LineNumber = l.LineNumber,
            ProductId = l.ProductId,
            Quantity = l.Quantity,
            UnitPrice = l.UnitPrice,
            Discount = l.Discount,
            Total = l.Total,
            SaleId = l.SaleId,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
