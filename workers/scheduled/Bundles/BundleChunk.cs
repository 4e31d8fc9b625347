using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Ledger;
using Workers.Domain.Promotions;
using Workers.Scheduled.Publication;
using Workers.TaskManager;

namespace Workers.Scheduled.Bundles;

// Moves one chunk of bundles to their status for <today>, with their stock, in the chunk's transaction: the
// conditional status change and the ledger's changes commit together, so a redelivery finds the bundle moved
// already and assembles nothing twice.
internal sealed class BundleChunk(PosDbContext db, StockLedger ledger, StockCause cause, DateOnly today)
{
    public long Changed { get; private set; }

    public async Task ApplyAsync(Chunk<int> chunk, CancellationToken cancellationToken)
    {
        // Bundles first (no other worker locks them), then the stock levels through the ledger, as every stock
        // change in the fleet takes them.
        int[] ids = [.. chunk.Items];
        var moving = (await db.BundleItems
                .FromSql($"SELECT * FROM pos.bundle_items WHERE id = ANY({ids}) ORDER BY id FOR UPDATE")
                .AsNoTracking()
                .ToListAsync(cancellationToken))
            .Select(b => (Bundle: b, Next: PublicationRules.Next(b.Status, b.StartsOn, b.ExpiresOn, today)))
            .Where(m => m.Next != m.Bundle.Status)
            .ToList();
        if (moving.Count == 0)
        {
            return;
        }

        var lookups = await BundleLookups.LoadAsync(db, [.. moving.Select(m => m.Bundle)], cancellationToken);
        var statuses = new List<(int Id, PublicationStatus Seen, PublicationStatus Next)>();
        var planned = new List<(BundleItem Bundle, PublicationStatus Next, List<StockChange> Changes)>();
        foreach (var (bundle, next) in moving)
        {
            var problem = BundlePlan.TryPlan(bundle, next, lookups.Components(bundle.Id), lookups.BundlesInStock(bundle), out var changes);
            if (problem is not null)
            {
                chunk.Reject(lookups.Sku(bundle.ProductId), $"bundle {lookups.Describe(bundle)}: {problem}");
            }
            else if (changes.Count == 0)
            {
                statuses.Add((bundle.Id, bundle.Status, next));
            }
            else
            {
                planned.Add((bundle, next, changes));
            }
        }

        // One ledger call for the chunk (its one lock pass); each bundle's changes apply whole or not at all.
        var outcomes = planned.Count == 0
            ? []
            : await ledger.ApplyGroupsAsync([.. planned.Select(p => (IReadOnlyList<StockChange>)p.Changes)], cause, null, null, cancellationToken);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var (bundle, next, _) = planned[i];
            if (outcomes[i].Applied)
            {
                statuses.Add((bundle.Id, bundle.Status, next));
                continue;
            }

            // Stock short: the bundle stays as it is and the next occurrence tries again.
            var failed = outcomes[i].Changes.First(c => !c.Applied);
            chunk.Reject(
                lookups.Sku(bundle.ProductId),
                $"bundle {lookups.Describe(bundle)} cannot be {(next == PublicationStatus.Published ? "assembled" : "dismantled")}: "
                + $"{lookups.Sku(failed.Change.ProductId)} {failed.RejectionReason}");
        }

        Changed += await PublicationRules.UpdateAsync(db, "bundle_items", statuses, cancellationToken);
    }
}
