using Microsoft.EntityFrameworkCore;
using Workers.Api.Data;

namespace Workers.Api.Builds;

// The builds this API enqueued (api.accepted_builds).
internal sealed class AcceptedBuildStore(ApiDbContext db)
{
    // Idempotent: a replayed request whose first attempt got as far as this row adds nothing.
    public Task AddAsync(AcceptedBuild build, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO api.accepted_builds (build_id, key_id, source_bytes, accepted_at)
            VALUES ({build.BuildId}, {build.KeyId}, {build.SourceBytes}, {build.AcceptedAt})
            ON CONFLICT (build_id) DO NOTHING
            """,
            cancellationToken);

    public Task<AcceptedBuild?> FindAsync(string buildId, CancellationToken cancellationToken) =>
        db.AcceptedBuilds.AsNoTracking().SingleOrDefaultAsync(b => b.BuildId == buildId, cancellationToken);

    public Task RemoveAsync(string buildId) =>
        db.AcceptedBuilds.Where(b => b.BuildId == buildId).ExecuteDeleteAsync(CancellationToken.None);
}
