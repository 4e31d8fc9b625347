using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.Stock;
using Workers.Domain.Stores;

namespace Workers.Domain.Model;

// Stock levels, their movements and the pending EC syncs: the tables the stock ledger writes.
internal static class StockModel
{
    public static void Configure(PosTables tables)
    {
        // The ledger never lets a level go below zero (it rejects the change); the CHECK is the last line of
        // defence against a bug or a hand-written UPDATE doing it anyway.
        tables.Table<StockLevel>("stock_levels", ("ck_stock_levels_quantity_not_negative", "quantity >= 0")).Configure(level =>
        {
            level.HasKey(l => new { l.StoreId, l.ProductId });
            level.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Restrict);
            level.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<StockMovement>("stock_movements").Configure(movement =>
        {
            movement.Property(m => m.TaskId).HasMaxLength(128);
            movement.Property(m => m.TaskType).HasMaxLength(64);
            movement.Property(m => m.Reason).HasMaxLength(32);
            movement.Property(m => m.Reference).HasMaxLength(200);
            movement.HasIndex(m => m.TaskId);
            // One foreign key to the level (not two to store and product): one check per inserted movement.
            movement.HasOne<StockLevel>().WithMany().HasForeignKey(m => new { m.StoreId, m.ProductId }).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<EcStockSync>("ec_stock_sync").Configure(sync =>
        {
            sync.HasKey(s => new { s.StoreId, s.ProductId });
            sync.HasIndex(s => s.RequestedAt);
            sync.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
            sync.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
