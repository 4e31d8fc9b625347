using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.StockProduct;

// Receives one chunk of lines into one store inside the chunk's transaction: validates each line, adds the
// stock through the ledger, then adds the applied lines to their supplier's receipt for this task. A line the
// ledger does not apply (a level that would overflow) is on no receipt.
internal sealed class ReceiptChunk(PosDbContext db, StockLedger ledger, TimeProvider time, int storeId, StockProductBody body, TaskInfo task)
{
    public async Task ApplyAsync(Chunk<ReceivedLine> chunk, CancellationToken cancellationToken)
    {
        var skus = chunk.Items.Select(l => l.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var supplierCodes = chunk.Items.Select(l => l.SupplierCode ?? body.SupplierCode).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierCodes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);

        var changes = new List<StockChange>(chunk.Items.Count);
        var accepted = new List<(long Number, ReceivedLine Line, int SupplierId)>(chunk.Items.Count);
        // Reported in line order, whichever check rejected them.
        var rejections = new SortedList<long, (string Sku, string Reason)>();
        for (var i = 0; i < chunk.Items.Count; i++)
        {
            var line = chunk.Items[i];
            var number = chunk.FirstItemNumber + i;
            var supplierCode = line.SupplierCode ?? body.SupplierCode;
            var problem = (supplierCode, line) switch
            {
                (null, _) => "no supplierCode (neither the line's nor the body's)",
                _ when !suppliers.ContainsKey(supplierCode) => $"unknown supplier '{supplierCode}'",
                _ when !products.ContainsKey(line.Sku) => $"unknown SKU '{line.Sku}'",
                _ when line.Quantity <= 0 => $"quantity {line.Quantity} is not positive; a receipt adds stock",
                _ when line.UnitCost < 0 => $"unit cost {line.UnitCost} is negative",
                _ => null,
            };
            if (problem is not null)
            {
                rejections.Add(number, (line.Sku, $"line {number}: {problem}; nothing was received for it."));
                continue;
            }

            var supplierId = suppliers[supplierCode!];
            changes.Add(StockChange.Add(storeId, products[line.Sku], line.Quantity, StockReasons.Receipt, $"supplier {supplierCode}, line {number}"));
            accepted.Add((number, line, supplierId));
        }

        var outcomes = await ledger.ApplyAsync(changes, StockCause.From(task), cancellationToken);
        var applied = new List<(long Number, ReceivedLine Line, int SupplierId, int ProductId)>(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (number, line, supplierId) = accepted[i];
            if (outcomes[i].RejectionReason is { } reason)
            {
                rejections.Add(number, (line.Sku, $"line {number}: quantity {line.Quantity} {reason}."));
                continue;
            }

            applied.Add((number, line, supplierId, outcomes[i].Change.ProductId));
        }

        foreach (var (sku, reason) in rejections.Values)
        {
            chunk.Reject(sku, reason);
        }

        if (applied.Count > 0)
        {
            await AddToReceiptsAsync(applied, cancellationToken);
        }
    }

    private async Task AddToReceiptsAsync(List<(long Number, ReceivedLine Line, int SupplierId, int ProductId)> applied, CancellationToken cancellationToken)
    {
        var totals = new SortedDictionary<int, ReceiptTotals>();
        foreach (var (_, line, supplierId, _) in applied)
        {
            if (!totals.TryGetValue(supplierId, out var total))
            {
                totals[supplierId] = total = new ReceiptTotals();
            }

            total.Lines++;
            total.Quantity += line.Quantity;
            total.Cost += (long)line.Quantity * line.UnitCost;
        }

        var receipts = await ReceiptSql.UpsertAsync(
            db,
            storeId,
            task.TaskId,
            [.. totals.Keys],
            [.. totals.Values.Select(t => t.Lines)],
            [.. totals.Values.Select(t => t.Quantity)],
            [.. totals.Values.Select(t => t.Cost)],
            time.GetUtcNow(),
            cancellationToken);
        var receiptIds = receipts.ToDictionary(r => r.SupplierId, r => r.Id);

        await ReceiptSql.InsertLinesAsync(
            db,
            [.. applied.Select(a => receiptIds[a.SupplierId])],
            [.. applied.Select(a => a.Number)],
            [.. applied.Select(a => a.ProductId)],
            [.. applied.Select(a => a.Line.Quantity)],
            [.. applied.Select(a => a.Line.UnitCost)],
            cancellationToken);
    }
}
