using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.Receipts;
using Workers.Domain.Stores;

namespace Workers.Domain.Model;

// Stock receipts from suppliers and their lines.
internal static class ReceiptModel
{
    public static void Configure(PosTables tables)
    {
        tables.Table<StockReceipt>("stock_receipts").Configure(receipt =>
        {
            receipt.Property(r => r.TaskId).HasMaxLength(128);
            // One receipt per (task, supplier): stockProduct's chunks add their lines to it.
            receipt.HasIndex(r => new { r.TaskId, r.SupplierId }).IsUnique();
            receipt.HasIndex(r => new { r.StoreId, r.ReceivedAt });
            receipt.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
            receipt.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<StockReceiptLine>(
            "stock_receipt_lines",
            ("ck_stock_receipt_lines_quantity_positive", "quantity > 0"),
            ("ck_stock_receipt_lines_unit_cost_not_negative", "unit_cost >= 0"))
            .Configure(line =>
            {
                line.HasIndex(l => new { l.ReceiptId, l.LineNumber }).IsUnique();
                line.HasIndex(l => l.ProductId);
                line.HasOne<StockReceipt>().WithMany().HasForeignKey(l => l.ReceiptId).OnDelete(DeleteBehavior.Cascade);
                line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
            });
    }
}
