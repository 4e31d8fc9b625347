using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.Promotions;
using Workers.Domain.Stores;

namespace Workers.Domain.Model;

// Sales, set deals and bundles: what the scheduled worker opens and closes.
internal static class PromotionModel
{
    public static void Configure(PosTables tables)
    {
        tables.Table<Sale>(
            "sales",
            ("ck_sales_sold_count_not_negative", "sold_count >= 0"),
            ("ck_sales_quantity_limit_positive", "quantity_limit IS NULL OR quantity_limit > 0"))
            .Configure(sale =>
            {
                sale.Property(s => s.Code).HasMaxLength(PosDbContext.CodeLength);
                sale.Property(s => s.Name).HasMaxLength(PosDbContext.NameLength);
                sale.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
                sale.Property(s => s.RepeatRule).HasMaxLength(100);
                sale.HasIndex(s => new { s.StoreId, s.Code }).IsUnique();
                sale.HasIndex(s => s.Status);
                sale.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
            });

        tables.Table<SaleProduct>("sale_products", ("ck_sale_products_price_not_negative", "price >= 0")).Configure(product =>
        {
            product.HasKey(p => new { p.SaleId, p.ProductId });
            product.HasIndex(p => p.ProductId);
            product.HasOne<Sale>().WithMany().HasForeignKey(p => p.SaleId).OnDelete(DeleteBehavior.Cascade);
            product.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<SetDeal>("set_deals", ("ck_set_deals_price_not_negative", "price >= 0")).Configure(deal =>
        {
            deal.Property(d => d.Code).HasMaxLength(PosDbContext.CodeLength);
            deal.Property(d => d.Name).HasMaxLength(PosDbContext.NameLength);
            deal.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            deal.HasIndex(d => new { d.StoreId, d.Code }).IsUnique();
            deal.HasOne<Store>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<SetDealProduct>("set_deal_products", ("ck_set_deal_products_quantity_positive", "quantity > 0")).Configure(product =>
        {
            product.HasKey(p => new { p.SetDealId, p.ProductId });
            product.HasOne<SetDeal>().WithMany().HasForeignKey(p => p.SetDealId).OnDelete(DeleteBehavior.Cascade);
            product.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<BundleItem>("bundle_items", ("ck_bundle_items_quantity_positive", "quantity > 0")).Configure(bundle =>
        {
            bundle.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            bundle.HasIndex(b => new { b.StoreId, b.ProductId }).IsUnique();
            bundle.HasOne<Store>().WithMany().HasForeignKey(b => b.StoreId).OnDelete(DeleteBehavior.Restrict);
            bundle.HasOne<Product>().WithMany().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<BundleComponent>("bundle_components", ("ck_bundle_components_quantity_positive", "quantity > 0")).Configure(component =>
        {
            component.HasKey(c => new { c.BundleItemId, c.ProductId });
            component.HasOne<BundleItem>().WithMany().HasForeignKey(c => c.BundleItemId).OnDelete(DeleteBehavior.Cascade);
            component.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
