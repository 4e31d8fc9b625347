using Microsoft.EntityFrameworkCore;
using Workers.Domain;

namespace Workers.Product.StockProduct;

// The statements that write stock receipts (pos.stock_receipts and their lines); stockProduct is their only
// writer. Each takes arrays: one round trip per chunk whatever its size.
internal static class ReceiptSql
{
    // One receipt per (task, supplier): the first chunk of a task creates it, later chunks add to its totals.
    // Rows are written in supplier order, so two chunks of one task (a redelivery racing the first) lock them in
    // the same order; the chunk ledger makes the loser skip anyway.
    public static Task<List<ReceiptRow>> UpsertAsync(
        PosDbContext db,
        int storeId,
        string taskId,
        int[] suppliers,
        int[] lineCounts,
        long[] quantities,
        long[] costs,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ReceiptRow>(
            $"""
            INSERT INTO pos.stock_receipts AS r (store_id, supplier_id, task_id, line_count, total_quantity, total_cost, received_at)
            SELECT {storeId}, t.supplier_id, {taskId}, t.lines, t.quantity, t.cost, {now}
            FROM unnest({suppliers}, {lineCounts}, {quantities}, {costs}) AS t(supplier_id, lines, quantity, cost)
            ORDER BY t.supplier_id
            ON CONFLICT (task_id, supplier_id) DO UPDATE SET
                line_count = r.line_count + excluded.line_count,
                total_quantity = r.total_quantity + excluded.total_quantity,
                total_cost = r.total_cost + excluded.total_cost
            RETURNING r.supplier_id AS "SupplierId", r.id AS "Id"
            """).ToListAsync(cancellationToken);

    public static Task<int> InsertLinesAsync(
        PosDbContext db,
        long[] receipts,
        long[] lineNumbers,
        int[] products,
        int[] quantities,
        int[] unitCosts,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO pos.stock_receipt_lines (receipt_id, line_number, product_id, quantity, unit_cost, total)
            SELECT l.receipt_id, l.line_number, l.product_id, l.quantity, l.unit_cost, l.quantity::bigint * l.unit_cost
            FROM unnest({receipts}, {lineNumbers}, {products}, {quantities}, {unitCosts})
                AS l(receipt_id, line_number, product_id, quantity, unit_cost)
            """,
            cancellationToken);
}
