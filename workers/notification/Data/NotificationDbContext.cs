using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Data;

// The notification worker's context: the pos tables (mapped by PosDbContext, excluded from these migrations)
// and its own, in schema notification. One context, so a chunk's transaction covers both.
internal sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : PosDbContext(options)
{
    public new const string Schema = "notification";

    public const int TokenLength = 256;

    internal DbSet<DeviceToken> DeviceTokens => Set<DeviceToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DeviceToken>(token =>
        {
            token.ToTable("device_tokens", Schema);
            token.HasKey(t => t.Id);
            token.Property(t => t.Token).HasMaxLength(TokenLength);
            token.HasIndex(t => t.Token).IsUnique();
            token.Property(t => t.Owner).HasMaxLength(PosDbContext.CodeLength);
            token.Property(t => t.DeactivationReason).HasMaxLength(1000);
        });
        modelBuilder.UseSnakeCaseNames();
    }
}
