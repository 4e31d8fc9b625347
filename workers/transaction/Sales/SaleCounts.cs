using Microsoft.EntityFrameworkCore;
using Workers.Domain;

namespace Workers.Transaction.Sales;

// The sold counts of sales (pos.sales.sold_count) as register transactions take their prices, and give them back
// when cancelled or returned. Callers lock the sales first (FOR UPDATE, by id, before the stock levels), so
// these only write.
internal static class SaleCounts
{
    public static Task AddAsync(PosDbContext db, IReadOnlyDictionary<int, long> quantities, CancellationToken cancellationToken) =>
        WriteAsync(db, quantities, 1, cancellationToken);

    // Never below 0: a repeating sale's count is reset at each repeat, so a transaction of an earlier repeat may
    // give back more than the current count holds.
    public static Task SubtractAsync(PosDbContext db, IReadOnlyDictionary<int, long> quantities, CancellationToken cancellationToken) =>
        WriteAsync(db, quantities, -1, cancellationToken);

    private static async Task WriteAsync(PosDbContext db, IReadOnlyDictionary<int, long> quantities, int sign, CancellationToken cancellationToken)
    {
        if (quantities.Count == 0)
        {
            return;
        }

        var ids = quantities.Keys.Order().ToArray();
        var deltas = ids.Select(id => sign * quantities[id]).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE pos.sales AS s SET sold_count = GREATEST(s.sold_count + x.q, 0)
            FROM unnest({ids}, {deltas}) AS x(id, q)
            WHERE s.id = x.id
            """,
            cancellationToken);
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
