using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Api.Data;

// The API's own tables, in schema `api` of the fleet database: API keys and idempotency keys. The build records
// it serves are the build worker's (build.builds), read with plain SQL (Builds/BuildRecords.cs).
internal sealed class ApiDbContext(DbContextOptions<ApiDbContext> options) : DbContext(options)
{
    public const string Schema = "api";

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<AcceptedBuild> AcceptedBuilds => Set<AcceptedBuild>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<ApiKey>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.KeyId);
            key.Property(k => k.KeyId).HasMaxLength(32);
            key.Property(k => k.Name).HasMaxLength(128);

            // The SHA-256 of the secret, hex: looked up on every request, so unique and indexed.
            key.Property(k => k.SecretSha256).HasMaxLength(64);
            key.HasIndex(k => k.SecretSha256).IsUnique();
            key.Property(k => k.Scopes).HasMaxLength(64);
        });
        modelBuilder.Entity<IdempotencyKey>(idempotency =>
        {
            idempotency.ToTable("idempotency_keys");

            // Scoped per API key: two clients choosing the same key never see each other's builds.
            idempotency.HasKey(k => new { k.KeyId, k.Key });
            idempotency.Property(k => k.KeyId).HasMaxLength(32);
            idempotency.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxLength);
            idempotency.Property(k => k.Operation).HasMaxLength(64);
            idempotency.Property(k => k.RequestSha256).HasMaxLength(64);
            idempotency.Property(k => k.ResourceId).HasMaxLength(128);
            idempotency.HasIndex(k => k.CreatedAt);
        });
        modelBuilder.Entity<AcceptedBuild>(build =>
        {
            build.ToTable("accepted_builds");
            build.HasKey(b => b.BuildId);
            build.Property(b => b.BuildId).HasMaxLength(128);
            build.Property(b => b.KeyId).HasMaxLength(32);
        });
        modelBuilder.UseSnakeCaseNames();
    }
}
