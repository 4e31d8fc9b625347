using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.EcOrders;
using Workers.Domain.Stores;

namespace Workers.Domain.Model;

// Orders from the EC platform, with their payment, and their lines.
internal static class EcOrderModel
{
    public static void Configure(PosTables tables)
    {
        tables.Table<EcOrder>("ec_orders").Configure(order =>
        {
            order.Property(o => o.Platform).HasMaxLength(32);
            order.Property(o => o.ExternalOrderId).HasMaxLength(PosDbContext.CodeLength);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.PaymentReference).HasMaxLength(128);
            order.Property(o => o.CustomerEmail).HasMaxLength(320);
            order.Property(o => o.TaskId).HasMaxLength(128);
            // The idempotency key of importOchanokoOrder.
            order.HasIndex(o => new { o.Platform, o.ExternalOrderId }).IsUnique();
            // paymentTimeout looks up unpaid orders past their deadline.
            order.HasIndex(o => new { o.Status, o.PaymentDeadline });
            order.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<EcOrderLine>("ec_order_lines", ("ck_ec_order_lines_quantity_positive", "quantity > 0")).Configure(line =>
        {
            line.Property(l => l.ExternalProductId).HasMaxLength(PosDbContext.CodeLength);
            line.HasIndex(l => new { l.OrderId, l.LineNumber }).IsUnique();
            line.HasIndex(l => l.ProductId);
            line.HasOne<EcOrder>().WithMany().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
