using Microsoft.EntityFrameworkCore;
using Workers.Notification.Data;

namespace Workers.Notification.Push;

// The device tokens a chunk touches, in the chunk's transaction: which are known to be dead, and marking those
// the push service no longer knows. Deactivation commits with the chunk's ledger row, so it happens once.
internal sealed class DeviceTokens(NotificationDbContext db, TimeProvider time)
{
    public async Task<HashSet<string>> InactiveAsync(IEnumerable<string> tokens, CancellationToken cancellationToken)
    {
        var list = tokens.Distinct(StringComparer.Ordinal).ToList();
        var inactive = await db.DeviceTokens.AsNoTracking()
            .Where(t => !t.Active && list.Contains(t.Token))
            .Select(t => t.Token)
            .ToListAsync(cancellationToken);
        return inactive.ToHashSet(StringComparer.Ordinal);
    }

    // Deactivates each token, recording it inactive even if the POS never registered it, so later items to it
    // are rejected without a request. Returns how many tokens changed from active (or unknown) to inactive.
    public async Task<int> DeactivateAsync(IReadOnlyDictionary<string, string> reasons, CancellationToken cancellationToken)
    {
        if (reasons.Count == 0)
        {
            return 0;
        }

        var tokens = reasons.Keys.ToArray();
        var texts = tokens.Select(t => reasons[t]).ToArray();
        var now = time.GetUtcNow();
        return await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO notification.device_tokens (token, active, created_at, deactivated_at, deactivation_reason)
            SELECT token, false, {now}, {now}, reason FROM unnest({tokens}::text[], {texts}::text[]) AS t(token, reason)
            ON CONFLICT (token) DO UPDATE
                SET active = false, deactivated_at = excluded.deactivated_at, deactivation_reason = excluded.deactivation_reason
                WHERE device_tokens.active
            """,
            cancellationToken);
    }
}
