using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.Stores;

namespace Workers.Domain.Model;

// Stores, suppliers and the catalogue: categories, items and their products.
internal static class CatalogModel
{
    public static void Configure(PosTables tables)
    {
        tables.Table<Store>("stores").Configure(store =>
        {
            store.Property(s => s.Code).HasMaxLength(PosDbContext.CodeLength);
            store.Property(s => s.Name).HasMaxLength(PosDbContext.NameLength);
            store.HasIndex(s => s.Code).IsUnique();
        });

        tables.Table<Supplier>("suppliers").Configure(supplier =>
        {
            supplier.Property(s => s.Code).HasMaxLength(PosDbContext.CodeLength);
            supplier.Property(s => s.Name).HasMaxLength(PosDbContext.NameLength);
            supplier.HasIndex(s => s.Code).IsUnique();
        });

        tables.Table<Category>("categories").Configure(category =>
        {
            category.Property(c => c.Code).HasMaxLength(PosDbContext.CodeLength);
            category.Property(c => c.Name).HasMaxLength(PosDbContext.NameLength);
            category.HasIndex(c => c.Code).IsUnique();
        });

        tables.Table<Item>(
            "items",
            ("ck_items_prices_not_negative", "sell_price >= 0 AND buy_price >= 0"))
            .Configure(item =>
            {
                item.Property(i => i.Code).HasMaxLength(PosDbContext.CodeLength);
                item.Property(i => i.Name).HasMaxLength(PosDbContext.NameLength);
                item.Property(i => i.Genre).HasMaxLength(100);
                item.Property(i => i.EcProductId).HasMaxLength(PosDbContext.CodeLength);
                item.HasIndex(i => i.Code).IsUnique();
                item.HasIndex(i => i.MycaItemId);
                item.HasOne<Category>().WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
            });

        tables.Table<Product>("products").Configure(product =>
        {
            product.Property(p => p.Sku).HasMaxLength(PosDbContext.CodeLength);
            product.Property(p => p.Name).HasMaxLength(PosDbContext.NameLength);
            product.Property(p => p.Condition).HasMaxLength(32);
            product.HasIndex(p => p.Sku).IsUnique();
            // One product per condition of an item: createItem can upsert them.
            product.HasIndex(p => new { p.ItemId, p.Condition }).IsUnique();
            product.HasOne<Item>().WithMany().HasForeignKey(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
