using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Product.Data;

// The product worker's tables, in their own schema of the fleet database. Chunk transactions commit through
// this context, so stock changes and the TaskManager's ledger row commit together.
internal sealed class ProductDbContext(DbContextOptions<ProductDbContext> options) : DbContext(options)
{
    public const string Schema = "product";

    // Codes and SKUs longer than this cannot exist, so a lookup of a longer one simply finds nothing.
    public const int CodeLength = 64;

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<StockLevel> StockLevels => Set<StockLevel>();

    public DbSet<StockMovement> StockMovements => Set<StockMovement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<Store>(store =>
        {
            store.ToTable("stores");
            store.Property(s => s.Code).HasMaxLength(CodeLength);
            store.Property(s => s.Name).HasMaxLength(200);
            store.HasIndex(s => s.Code).IsUnique();
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.Property(p => p.Sku).HasMaxLength(CodeLength);
            product.Property(p => p.Name).HasMaxLength(200);
            product.HasIndex(p => p.Sku).IsUnique();
        });

        modelBuilder.Entity<StockLevel>(level =>
        {
            // The handlers never let a level go below zero (they reject the item); the CHECK is the last line of
            // defence against a bug or a hand-written UPDATE doing it anyway.
            level.ToTable("stock_levels", t => t.HasCheckConstraint("ck_stock_levels_quantity_not_negative", "quantity >= 0"));
            level.HasKey(l => new { l.StoreId, l.ProductId });
            level.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Restrict);
            level.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<StockMovement>(movement =>
        {
            movement.ToTable("stock_movements");
            movement.Property(m => m.TaskId).HasMaxLength(128);
            movement.Property(m => m.SourceTaskType).HasMaxLength(64);
            movement.HasIndex(m => m.TaskId);
            // One foreign key to the level (not two to store and product): one check per inserted movement.
            movement.HasOne<StockLevel>().WithMany().HasForeignKey(m => new { m.StoreId, m.ProductId }).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.UseSnakeCaseNames();
    }
}
