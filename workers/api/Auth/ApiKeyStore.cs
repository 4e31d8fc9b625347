using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workers.Api.Data;
using Workers.Api.Options;

namespace Workers.Api.Auth;

// Creates, revokes and finds API keys. Lookups are cached for Api:KeyCacheLifetime: every request is
// authenticated and a query each time would be most of a cheap request's latency. A revoked key therefore
// keeps working on other instances for at most that long; on this one it stops at once.
internal sealed class ApiKeyStore(IServiceScopeFactory scopes, IOptions<ApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Identity, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<ApiKeyIdentity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(key);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Expires > now)
        {
            return cached.Identity;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApiDbContext>();
        var row = await db.ApiKeys.AsNoTracking()
            .SingleOrDefaultAsync(k => k.SecretSha256 == hash && k.RevokedAt == null, cancellationToken);
        var identity = row is null ? null : new ApiKeyIdentity(row.KeyId, row.Name, row.Scopes.Split(','));

        // Unknown keys are cached too, so a client hammering with a wrong key costs no queries; the cache is
        // bounded by clearing it whole, which only costs a query per live key.
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        _cache[hash] = (identity, now + options.Value.KeyCacheLifetime);
        return identity;
    }

    public async Task<(ApiKey Record, string Key)> CreateAsync(string name, IReadOnlyList<string> scopeNames, CancellationToken cancellationToken)
    {
        var (keyId, key) = ApiKeySecrets.Create();
        var record = new ApiKey
        {
            KeyId = keyId,
            Name = name,
            SecretSha256 = ApiKeySecrets.Hash(key),
            Scopes = string.Join(',', scopeNames),
            CreatedAt = time.GetUtcNow(),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApiDbContext>();
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (record, key);
    }

    public async Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApiDbContext>();
        var now = time.GetUtcNow();
        var revoked = await db.ApiKeys
            .Where(k => k.KeyId == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            foreach (var entry in _cache.Where(e => e.Value.Identity?.KeyId == keyId).ToList())
            {
                _cache.TryRemove(entry.Key, out _);
            }
        }

        return revoked > 0;
    }
}
