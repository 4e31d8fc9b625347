using Npgsql;
using Workers.Domain.Transactions;

namespace Workers.Transaction.CreateTransaction;

// The statement writing the chunk's accepted transactions and their lines: one INSERT … RETURNING of the
// transactions feeding the INSERT of the lines (lines need their transaction's generated id), from arrays.
// Set-based SQL rather than EF entities: no change tracking of 50 transactions and 150 lines, no second
// SaveChanges for the ids, and it runs in the ledger's write round trip. Rows are inserted in (store, code)
// order, so two chunks inserting the same codes (a duplicate send under another task id) wait on each other's
// unique-index entries in one order and never deadlock; the loser fails its chunk, whose retry then finds the
// codes recorded.
internal static class TransactionRows
{
    private const string Insert =
        """
        WITH t AS (
            INSERT INTO pos.transactions
                (store_id, code, kind, status, total, discount, payment_method, content_hash, task_id, created_at, completed_at)
            SELECT s, c, k, st, tot, d, p, h, $11, ca, co
            FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
                    $9::timestamptz[], $10::timestamptz[])
                WITH ORDINALITY AS x(s, c, k, st, tot, d, p, h, ca, co, n)
            ORDER BY n
            RETURNING id, store_id, code)
        INSERT INTO pos.transaction_lines (transaction_id, line_number, product_id, quantity, unit_price, discount, total, sale_id)
        SELECT t.id, l.n, l.p, l.q, l.u, l.d, l.tot, l.sale
        FROM unnest($12::int[], $13::text[], $14::int[], $15::int[], $16::int[], $17::int[], $18::bigint[], $19::bigint[], $20::int[])
            AS l(s, c, n, p, q, u, d, tot, sale)
        JOIN t ON t.store_id = l.s AND t.code = l.c
        """;

    public static NpgsqlBatchCommand Command(IReadOnlyList<Candidate> accepted, string taskId, DateTimeOffset now)
    {
        var ordered = accepted.OrderBy(c => c.StoreId).ThenBy(c => c.Transaction.Code, StringComparer.Ordinal).ToList();
        var lines = ordered.SelectMany(c => c.Lines.Select(l => (c.StoreId, c.Transaction.Code, Line: l))).ToList();
        return Sql.Command(
            Insert,
            ordered.Select(c => c.StoreId).ToArray(),
            ordered.Select(c => c.Transaction.Code).ToArray(),
            ordered.Select(c => c.Transaction.Kind.ToString()).ToArray(),
            ordered.Select(c => c.Transaction.Status.ToString()).ToArray(),
            ordered.Select(c => c.Lines.Sum(l => l.Total) - c.Transaction.Discount).ToArray(),
            ordered.Select(c => c.Transaction.Discount).ToArray(),
            ordered.Select(c => c.Transaction.PaymentMethod).ToArray(),
            ordered.Select(c => c.Hash).ToArray(),
            ordered.Select(c => (c.Transaction.CreatedAt ?? now).UtcDateTime).ToArray(),
            ordered.Select(c => c.Transaction.Status == TransactionStatus.Completed ? now.UtcDateTime : (DateTime?)null).ToArray(),
            taskId,
            lines.Select(l => l.StoreId).ToArray(),
            lines.Select(l => l.Code).ToArray(),
            lines.Select(l => l.Line.Number).ToArray(),
            lines.Select(l => l.Line.ProductId).ToArray(),
            lines.Select(l => l.Line.Quantity).ToArray(),
            lines.Select(l => l.Line.UnitPrice).ToArray(),
            lines.Select(l => l.Line.Discount).ToArray(),
            lines.Select(l => l.Line.Total).ToArray(),
            lines.Select(l => l.Line.SaleId).ToArray());
    }
}
