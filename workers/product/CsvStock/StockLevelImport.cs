using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// Applies one chunk of CSV rows (1000 by default) inside the chunk's transaction: rows are validated here, their
// store codes and SKUs resolved in one query each, and the valid ones go to the stock ledger as counts (absolute
// levels), which applies them set-based in two round trips. Nothing is tracked by EF, so memory stays flat
// however large the file.
internal sealed class StockLevelImport(PosDbContext db, StockLedger ledger, TaskInfo task)
{
    public async Task ApplyAsync(Chunk<StockCsvRow> chunk, CancellationToken cancellationToken)
    {
        // Keyed by store and SKU: when a chunk sets one level twice, the last line wins.
        var latest = new Dictionary<(string Store, string Sku), (StockCsvRow Row, int Quantity)>();
        foreach (var row in chunk.Items)
        {
            if (Problem(row, out var quantity) is { } problem)
            {
                chunk.Reject(Key(row.Line), problem);
            }
            else
            {
                latest[(row.Store, row.Sku)] = (row, quantity);
            }
        }

        if (latest.Count == 0)
        {
            return;
        }

        var codes = latest.Keys.Select(k => k.Store).Distinct(StringComparer.Ordinal).ToArray();
        var skus = latest.Keys.Select(k => k.Sku).Distinct(StringComparer.Ordinal).ToArray();
        var stores = await db.Stores.AsNoTracking().Where(s => codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, cancellationToken);
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku))
            .ToDictionaryAsync(p => p.Sku, p => p.Id, StringComparer.Ordinal, cancellationToken);

        var changes = new List<StockChange>(latest.Count);
        foreach (var (row, quantity) in latest.Values)
        {
            var knownStore = stores.TryGetValue(row.Store, out var storeId);
            var knownSku = products.TryGetValue(row.Sku, out var productId);
            if (!knownStore || !knownSku)
            {
                chunk.Reject(Key(row.Line), (knownStore, knownSku) switch
                {
                    (false, false) => $"unknown store '{row.Store}' and unknown SKU '{row.Sku}'",
                    (false, true) => $"unknown store '{row.Store}'",
                    _ => $"unknown SKU '{row.Sku}'",
                });
                continue;
            }

            changes.Add(StockChange.Count(storeId, productId, quantity, StockReasons.Count, Key(row.Line)));
        }

        // Counts are 0 or more (checked above), so the ledger should reject none; if it does, the row says why.
        foreach (var outcome in await ledger.ApplyAsync(changes, StockCause.From(task), cancellationToken))
        {
            if (outcome.RejectionReason is { } reason)
            {
                chunk.Reject(outcome.Change.Reference!, $"quantity {outcome.Change.Quantity} {reason}");
            }
        }
    }

    private static string Key(long line) => string.Create(CultureInfo.InvariantCulture, $"line {line}");
    private static string? Problem(StockCsvRow row, out int quantity)
    {
        quantity = 0;
        if (row.Problem is not null)
        {
            return row.Problem;
        }

        if (row.Store.Length == 0 || row.Sku.Length == 0)
        {
            return row.Store.Length == 0 ? "the store is empty" : "the SKU is empty";
        }

        if (!long.TryParse(row.Quantity, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return $"quantity '{row.Quantity}' is not a whole number";
        }

        if (value is < 0 or > int.MaxValue)
        {
            return value < 0
                ? $"quantity {value} is negative; a stock level is 0 or more"
                : $"quantity {value} is larger than {int.MaxValue}";
        }

        quantity = (int)value;
        return null;
    }
}
