using Microsoft.EntityFrameworkCore;
using Workers.Domain;
using Workers.Domain.Transactions;

namespace Workers.Transaction.CreateTransaction;

// Writes the chunk's accepted transactions, their lines and their sales' sold counts in one statement each.
// Set-based SQL rather than EF entities: lines need their transaction's generated id, which EF would fetch in a
// second SaveChanges per chunk. Rows are inserted in (store, code) order, so two chunks inserting the same codes
// (a duplicate send under another task id) wait on each other's unique-index entries in one order and never
// deadlock; the loser fails its chunk, whose retry then finds the codes recorded.
internal static class TransactionRows
{
    public static async Task InsertAsync(
        PosDbContext db,
        IReadOnlyList<Candidate> accepted,
        string taskId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var ordered = accepted.OrderBy(c => c.StoreId).ThenBy(c => c.Transaction.Code, StringComparer.Ordinal).ToList();
        var stores = ordered.Select(c => c.StoreId).ToArray();
        var codes = ordered.Select(c => c.Transaction.Code).ToArray();
        var kinds = ordered.Select(c => c.Transaction.Kind.ToString()).ToArray();
        var statuses = ordered.Select(c => c.Transaction.Status.ToString()).ToArray();
        var totals = ordered.Select(c => c.Lines.Sum(l => l.Total) - c.Transaction.Discount).ToArray();
        var discounts = ordered.Select(c => c.Transaction.Discount).ToArray();
        var payments = ordered.Select(c => c.Transaction.PaymentMethod).ToArray();
        var hashes = ordered.Select(c => c.Hash).ToArray();
        var created = ordered.Select(c => (c.Transaction.CreatedAt ?? now).UtcDateTime).ToArray();
        var completed = ordered.Select(c => c.Transaction.Status == TransactionStatus.Completed ? now.UtcDateTime : (DateTime?)null).ToArray();

        var lines = ordered.SelectMany(c => c.Lines.Select(l => (c.StoreId, c.Transaction.Code, Line: l))).ToList();
        var lineStores = lines.Select(l => l.StoreId).ToArray();
        var lineCodes = lines.Select(l => l.Code).ToArray();
        var numbers = lines.Select(l => l.Line.Number).ToArray();
        var products = lines.Select(l => l.Line.ProductId).ToArray();
        var quantities = lines.Select(l => l.Line.Quantity).ToArray();
        var prices = lines.Select(l => l.Line.UnitPrice).ToArray();
        var lineDiscounts = lines.Select(l => l.Line.Discount).ToArray();
        var lineTotals = lines.Select(l => l.Line.Total).ToArray();
        var sales = lines.Select(l => l.Line.SaleId).ToArray();

        await db.Database.ExecuteSqlAsync(
            $"""
            WITH t AS (
                INSERT INTO pos.transactions
                    (store_id, code, kind, status, total, discount, payment_method, content_hash, task_id, created_at, completed_at)
                SELECT s, c, k, st, tot, d, p, h, {taskId}, ca, co
                FROM unnest({stores}, {codes}, {kinds}, {statuses}, {totals}, {discounts}, {payments}, {hashes}, {created}, {completed})
                    WITH ORDINALITY AS x(s, c, k, st, tot, d, p, h, ca, co, n)
                ORDER BY n
                RETURNING id, store_id, code)
            INSERT INTO pos.transaction_lines (transaction_id, line_number, product_id, quantity, unit_price, discount, total, sale_id)
            SELECT t.id, l.n, l.p, l.q, l.u, l.d, l.tot, l.sale
            FROM unnest({lineStores}, {lineCodes}, {numbers}, {products}, {quantities}, {prices}, {lineDiscounts}, {lineTotals}, {sales})
                AS l(s, c, n, p, q, u, d, tot, sale)
            JOIN t ON t.store_id = l.s AND t.code = l.c
            """,
            cancellationToken);
    }
}
