using Microsoft.EntityFrameworkCore;
using Workers.Api.Data;

namespace Workers.Api.Idempotency;

// The idempotency keys (api.idempotency_keys). A key is claimed with one INSERT … ON CONFLICT DO NOTHING, so of
// two concurrent requests with the same key exactly one creates the resource and the other reads its id.
internal sealed class IdempotencyStore(ApiDbContext db)
{
    // Null when this request claimed the key (go on and create the resource); else the earlier claim.
    public async Task<IdempotencyKey?> ClaimAsync(IdempotencyKey claim, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api.idempotency_keys (key_id, key, operation, request_sha256, resource_id, created_at)
            VALUES ({claim.KeyId}, {claim.Key}, {claim.Operation}, {claim.RequestSha256}, {claim.ResourceId}, {claim.CreatedAt})
            ON CONFLICT (key_id, key) DO NOTHING
            """,
            cancellationToken);
        return inserted == 1
            ? null
            : await db.IdempotencyKeys.AsNoTracking().SingleAsync(k => k.KeyId == claim.KeyId && k.Key == claim.Key, cancellationToken);
    }

    // Gives a key back when creating its resource failed, so the client's retry tries again instead of
    // replaying a resource that does not exist.
    public Task ReleaseAsync(IdempotencyKey claim) =>
        db.IdempotencyKeys.Where(k => k.KeyId == claim.KeyId && k.Key == claim.Key && k.ResourceId == claim.ResourceId)
            .ExecuteDeleteAsync(CancellationToken.None);
}
