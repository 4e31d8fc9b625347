using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Workers.Build.Data;
using Workers.Build.Pool;

namespace Workers.Build.Builds;

// The build keys that killed a build server (build.source_crashes), each live for Build:SourceCrashLifetime
// from its crash. Expiry is read at lookup, so changing the setting applies to the records already there.
internal sealed class SourceCrashStore(BuildDbContext db, IOptions<BuildOptions> options, TimeProvider time)
{
    public Task<SourceCrash?> FindLiveAsync(string cacheKey, CancellationToken cancellationToken)
    {
        var since = Cutoff();
        return db.SourceCrashes.AsNoTracking()
            .SingleOrDefaultAsync(c => c.CacheKey == cacheKey && c.CrashedAt > since, cancellationToken);
    }

    public DateTimeOffset ExpiresAt(SourceCrash crash) => crash.CrashedAt + options.Value.SourceCrashLifetime;

    // What the user reads. Not the build id that crashed: it may be someone else's build.
    public string Explain(SourceCrash crash) =>
        $"The bundler crashed on this source: a build server died with {ExitCodes.Describe(crash.ExitCode)} while building it "
        + $"at {crash.CrashedAt:u}. It is not built again until {ExpiresAt(crash):u} (Build:SourceCrashLifetime) or the "
        + "toolchain changes; simplify the component (less nesting, smaller expressions) and build again.";

    // Records a crash; a live record of the same key (two builds crashed at once) is kept, an expired one is
    // replaced. Crashes are rare, so this is also where expired rows are cleared.
    public async Task RecordAsync(SourceCrash crash, CancellationToken cancellationToken)
    {
        var since = Cutoff();

        // Typed, so a null (exit not seen) is still an integer to PostgreSQL.
        var exitCode = new NpgsqlParameter("exit_code", NpgsqlDbType.Integer) { Value = (object?)crash.ExitCode ?? DBNull.Value };
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO build.source_crashes AS c (cache_key, source_sha256, build_id, process_id, exit_code, crashed_at)
            VALUES ({crash.CacheKey}, {crash.SourceSha256}, {crash.BuildId}, {crash.ProcessId}, {exitCode}, {crash.CrashedAt})
            ON CONFLICT (cache_key) DO UPDATE SET source_sha256 = EXCLUDED.source_sha256, build_id = EXCLUDED.build_id,
                process_id = EXCLUDED.process_id, exit_code = EXCLUDED.exit_code, crashed_at = EXCLUDED.crashed_at
            WHERE c.crashed_at <= {since}
            """,
            cancellationToken);
        await db.Database.ExecuteSqlAsync($"DELETE FROM build.source_crashes WHERE crashed_at <= {since}", cancellationToken);
    }

    private DateTimeOffset Cutoff() => time.GetUtcNow() - options.Value.SourceCrashLifetime;
}
