using Microsoft.EntityFrameworkCore;
using Workers.Product.Data;

namespace Workers.Product.UpdateStock;

// Locks a store's stock rows for some products before they are read and changed, creating missing rows at 0.
//
// One INSERT … ON CONFLICT DO UPDATE … WHERE false does both in a single pass in (store, product) order: it
// inserts the rows that do not exist and locks the ones that do (PostgreSQL locks every conflicting row before
// it evaluates the WHERE, which is false so nothing is rewritten). A row another transaction is inserting is
// waited for, not skipped, so after this statement every row is visible to the next statement and held by this
// transaction until commit. Taking all row locks in one ordered pass is what keeps concurrent tasks free of
// deadlocks; csvStock locks its rows the same way (CsvStock/StockLevelImport.cs).
internal static class StockRowLock
{
    // Returns the products whose rows this call created.
    public static async Task<List<int>> LockAsync(ProductDbContext db, int storeId, int[] productIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (productIds.Length == 0)
        {
            return [];
        }

        return await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO product.stock_levels AS l (store_id, product_id, quantity, updated_at)
            SELECT {storeId}, p, 0, {now} FROM unnest({productIds}) AS p ORDER BY p
            ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = l.quantity WHERE false
            RETURNING l.product_id AS "Value"
            """).ToListAsync(cancellationToken);
    }
}
