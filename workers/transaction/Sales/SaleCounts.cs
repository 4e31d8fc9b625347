using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;

namespace Workers.Transaction.Sales;

// The sold counts of sales (pos.sales.sold_count) as register transactions take their prices, and give them back
// when cancelled or returned. Callers lock the sales first (FOR UPDATE, by id, before the stock levels), so
// these only write.
internal static class SaleCounts
{
    // The statement adding <quantities> (createTransaction runs it in the ledger's write round trip); null when
    // there is nothing to add.
    public static NpgsqlBatchCommand? Add(IReadOnlyDictionary<int, long> quantities) => Write(quantities, 1);

    // Never below 0: a repeating sale's count is reset at each repeat, so a transaction of an earlier repeat may
    // give back more than the current count holds.
    public static async Task SubtractAsync(PosDbContext db, IReadOnlyDictionary<int, long> quantities, CancellationToken cancellationToken)
    {
        if (Write(quantities, -1) is not { } command)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        batch.BatchCommands.Add(command);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand? Write(IReadOnlyDictionary<int, long> quantities, int sign)
    {
        if (quantities.Count == 0)
        {
            return null;
        }

        var ids = quantities.Keys.Order().ToArray();
        var deltas = ids.Select(id => sign * quantities[id]).ToArray();
        return Sql.Command(
            """
            UPDATE pos.sales AS s SET sold_count = GREATEST(s.sold_count + x.q, 0)
            FROM unnest($1::int[], $2::bigint[]) AS x(id, q)
            WHERE s.id = x.id
            """,
            ids,
            deltas);
    }

    // Locks the sales <ids> for the rest of the transaction, in id order (the order every chunk of this worker
    // takes them in, before any stock level).
    public static async Task LockAsync(PosDbContext db, int[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }

        await db.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM pos.sales WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
            .ToListAsync(cancellationToken);
    }
}
