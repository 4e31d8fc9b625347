using Microsoft.EntityFrameworkCore;
using Workers.Domain.Catalog;
using Workers.Domain.Promotions;
using Workers.Domain.Stores;
using Workers.Domain.Transactions;

namespace Workers.Domain.Model;

// Register transactions and their lines.
internal static class TransactionModel
{
    public static void Configure(PosTables tables)
    {
        tables.Table<Transaction>("transactions").Configure(transaction =>
        {
            transaction.Property(t => t.Code).HasMaxLength(PosDbContext.CodeLength);
            transaction.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            transaction.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
            transaction.Property(t => t.PaymentMethod).HasMaxLength(32);
            transaction.Property(t => t.ContentHash).HasMaxLength(64);
            transaction.Property(t => t.TaskId).HasMaxLength(128);
            // The idempotency key of createTransaction.
            transaction.HasIndex(t => new { t.StoreId, t.Code }).IsUnique();
            transaction.HasIndex(t => t.TaskId);
            transaction.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
            transaction.HasOne<Transaction>().WithMany().HasForeignKey(t => t.OriginalTransactionId).OnDelete(DeleteBehavior.Restrict);
        });

        tables.Table<TransactionLine>(
            "transaction_lines",
            ("ck_transaction_lines_quantity_positive", "quantity > 0"),
            ("ck_transaction_lines_amounts_not_negative", "unit_price >= 0 AND discount >= 0"))
            .Configure(line =>
            {
                line.HasIndex(l => new { l.TransactionId, l.LineNumber }).IsUnique();
                line.HasIndex(l => l.ProductId);
                line.HasOne<Transaction>().WithMany().HasForeignKey(l => l.TransactionId).OnDelete(DeleteBehavior.Cascade);
                line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
                line.HasOne<Sale>().WithMany().HasForeignKey(l => l.SaleId).OnDelete(DeleteBehavior.Restrict);
            });
    }
}
