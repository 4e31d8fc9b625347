using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Product.Data;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// Applies one chunk of CSV rows (1000 by default) inside the chunk's transaction: rows are validated here, the
// valid ones go to PostgreSQL as four arrays and are applied set-based by the two statements of StockLevelSql,
// sent in one round trip. Nothing is tracked by EF, so memory stays flat however large the file.
internal sealed class StockLevelImport(ProductDbContext db, TimeProvider time, TaskInfo task)
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

        var rows = latest.Values;
        var lines = rows.Select(r => r.Row.Line).ToArray();
        var stores = rows.Select(r => r.Row.Store).ToArray();
        var skus = rows.Select(r => r.Row.Sku).ToArray();
        var quantities = rows.Select(r => r.Quantity).ToArray();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var batch = StockLevelSql.Create(connection, transaction, lines, stores, skus, quantities, time.GetUtcNow(), task);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (row, _) = latest[(reader.GetString(0), reader.GetString(1))];
                var (unknownStore, unknownSku) = (reader.GetBoolean(2), reader.GetBoolean(3));
                chunk.Reject(Key(row.Line), (unknownStore, unknownSku) switch
                {
                    (true, true) => $"unknown store '{row.Store}' and unknown SKU '{row.Sku}'",
                    (true, false) => $"unknown store '{row.Store}'",
                    _ => $"unknown SKU '{row.Sku}'",
                });
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
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
