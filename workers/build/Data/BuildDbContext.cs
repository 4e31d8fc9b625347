using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Build.Data;

// The build worker's tables, in their own schema of the fleet database.
internal sealed class BuildDbContext(DbContextOptions<BuildDbContext> options) : DbContext(options)
{
    public const string Schema = "build";

    public const int IdLength = 128;

    public DbSet<BuildRecord> Builds => Set<BuildRecord>();

    public DbSet<SourceCrash> SourceCrashes => Set<SourceCrash>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<BuildRecord>(build =>
        {
            build.ToTable("builds", t => t.HasCheckConstraint(
                "ck_builds_status",
                "status IN ('running', 'retrying', 'succeeded', 'failed')"));
            build.HasKey(b => b.BuildId);
            build.Property(b => b.BuildId).HasMaxLength(IdLength);
            build.Property(b => b.TaskId).HasMaxLength(IdLength);
            build.Property(b => b.Status).HasMaxLength(16);
            build.Property(b => b.Engine).HasMaxLength(16);
            build.Property(b => b.SourceSha256).HasMaxLength(64);
            build.Property(b => b.CacheKey).HasMaxLength(64);
            build.Property(b => b.BundleSha256).HasMaxLength(64);
            build.Property(b => b.ErrorType).HasMaxLength(32);
            build.Property(b => b.Options).HasColumnType("jsonb");
            build.Property(b => b.Toolchain).HasColumnType("jsonb");
            build.Property(b => b.Details).HasColumnType("jsonb");
            build.Property(b => b.Result).HasColumnType("jsonb");

            // The cache lookup: the successful build of a key (partial: failures are never reused).
            build.HasIndex(b => b.CacheKey).HasFilter("status = 'succeeded'");
        });
        modelBuilder.Entity<SourceCrash>(crash =>
        {
            // Its own table, not columns of builds: it is looked up by key across build ids, it expires while
            // build records never change once finished, and an operator can delete one row to forgive a source.
            crash.ToTable("source_crashes");
            crash.HasKey(c => c.CacheKey);
            crash.Property(c => c.CacheKey).HasMaxLength(64);
            crash.Property(c => c.SourceSha256).HasMaxLength(64);
            crash.Property(c => c.BuildId).HasMaxLength(IdLength);
        });
        modelBuilder.UseSnakeCaseNames();
    }
}
