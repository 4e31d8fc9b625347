using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Notification.Data;

// The notification worker's own tables, in schema notification. It touches none of the pos tables, so it maps
// none: its migrations and snapshot hold only what it owns, and a pos model change asks nothing of it.
internal sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public const string Schema = "notification";

    public const int OwnerLength = 64;

    public const int TokenLength = 256;

    internal DbSet<DeviceToken> DeviceTokens => Set<DeviceToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeviceToken>(token =>
        {
            token.ToTable("device_tokens", Schema);
            token.HasKey(t => t.Id);
            token.Property(t => t.Token).HasMaxLength(TokenLength);
            token.HasIndex(t => t.Token).IsUnique();
            token.Property(t => t.Owner).HasMaxLength(OwnerLength);
            token.Property(t => t.DeactivationReason).HasMaxLength(1000);
        });
        modelBuilder.UseSnakeCaseNames();
    }
}
