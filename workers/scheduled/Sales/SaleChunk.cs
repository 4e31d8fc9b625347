using Cronos;
using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Promotions;
using Workers.TaskManager;

namespace Workers.Scheduled.Sales;

// Moves one chunk of sales to where they should be as of <now>, in the chunk's transaction.
internal sealed class SaleChunk(PosDbContext db, TimeZoneInfo zone, DateTimeOffset now)
{
    // Each change is conditional on the status and repeat read under the lock, so a concurrent or redelivered
    // run changes nothing twice (above all, never resets a repeat's sold count twice).
    private const string Update =
        """
        UPDATE pos.sales AS s
        SET status = x.next, held_from = x.held_from, updated_at = $7,
            sold_count = CASE WHEN x.reset THEN 0 ELSE s.sold_count END
        FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bool[])
            AS x(id, seen, next, seen_from, held_from, reset)
        WHERE s.id = x.id AND s.status = x.seen AND s.held_from IS NOT DISTINCT FROM x.seen_from
        """;

    public long Changed { get; private set; }

    public async Task ApplyAsync(Chunk<int> chunk, CancellationToken cancellationToken)
    {
        // In id order, as the transaction worker locks the sales its lines name (before any stock level; no
        // stock level is touched here), so the two never deadlock.
        int[] ids = [.. chunk.Items];
        var sales = await db.Sales
            .FromSql($"SELECT * FROM pos.sales WHERE id = ANY({ids}) AND status <> 'Finished' ORDER BY id FOR UPDATE")
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var changes = new List<(Sale Sale, SaleState Next)>();
        foreach (var sale in sales)
        {
            if (SaleWindow.TryParseRule(sale, out CronExpression? rule) is { } problem)
            {
                chunk.Reject(sale.Code, $"sale '{sale.Code}' (store id {sale.StoreId}): {problem}");
                continue;
            }

            var next = SaleWindow.Next(sale, rule, now, zone);
            if (next.Status != sale.Status || next.HeldFrom != sale.HeldFrom || next.ResetCount)
            {
                changes.Add((sale, next));
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        Changed += await PosSql.ExecuteAsync(
            db,
            Update,
            cancellationToken,
            changes.Select(c => c.Sale.Id).ToArray(),
            changes.Select(c => c.Sale.Status.ToString()).ToArray(),
            changes.Select(c => c.Next.Status.ToString()).ToArray(),
            changes.Select(c => c.Sale.HeldFrom).ToArray(),
            changes.Select(c => c.Next.HeldFrom).ToArray(),
            changes.Select(c => c.Next.ResetCount).ToArray(),
            now);
    }
}
