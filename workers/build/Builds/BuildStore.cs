using Microsoft.EntityFrameworkCore;
using Workers.Build.Data;

namespace Workers.Build.Builds;

// The build records. A record is created once per build id; once finished (succeeded or failed) it never
// changes again, so a redelivered or duplicated message cannot overwrite the first outcome.
internal sealed class BuildStore(BuildDbContext db, TimeProvider time)
{
    public Task<BuildRecord?> FindAsync(string buildId, CancellationToken cancellationToken) =>
        db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.BuildId == buildId, cancellationToken);

    // The earliest success with this cache key, whose bundle the caller may reuse.
    public Task<BuildRecord?> FindSucceededAsync(string cacheKey, CancellationToken cancellationToken) =>
        db.Builds.AsNoTracking()
            .Where(b => b.CacheKey == cacheKey && b.Status == BuildStatus.Succeeded && b.BundleKey != null)
            .OrderBy(b => b.FinishedAt)
            .FirstOrDefaultAsync(cancellationToken);

    // Creates the record as running, or marks an unfinished one running again for this attempt.
    public async Task StartAsync(BuildRecord record, CancellationToken cancellationToken)
    {
        var running = BuildStatus.Running;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO build.builds AS b (build_id, task_id, status, engine, source_sha256, source_bytes, options,
                cache_key, cache_hit, attempts, created_at)
            VALUES ({record.BuildId}, {record.TaskId}, {running}, {record.Engine}, {record.SourceSha256},
                {record.SourceBytes}, {record.Options}::jsonb, {record.CacheKey}, false, {record.Attempts}, {time.GetUtcNow()})
            ON CONFLICT (build_id) DO UPDATE SET status = EXCLUDED.status, task_id = EXCLUDED.task_id,
                attempts = GREATEST(b.attempts, EXCLUDED.attempts)
            WHERE b.status NOT IN ('succeeded', 'failed')
            """,
            cancellationToken);
    }

    // Applies `update` to the record unless it is already finished; returns whether it did. The row is locked
    // so two deliveries finishing at once apply one outcome, the first.
    public async Task<bool> UpdateAsync(string buildId, Action<BuildRecord> update, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await db.Builds
            .FromSql($"SELECT * FROM build.builds WHERE build_id = {buildId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null || BuildStatus.IsFinished(record.Status))
        {
            return false;
        }

        update(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
