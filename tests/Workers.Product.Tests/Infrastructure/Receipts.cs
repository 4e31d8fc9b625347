using Microsoft.EntityFrameworkCore;
using Workers.Domain;

namespace Workers.Product.Tests.Infrastructure;

// What the tests read back of stock receipts, by supplier code and SKU.
internal static class Receipts
{
    public static async Task<List<(string Supplier, string TaskId, int Lines, long Quantity, long Cost)>> ReceiptsAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var receipts = await (from r in db.StockReceipts
                              join s in db.Suppliers on r.SupplierId equals s.Id
                              orderby s.Code
                              select new { s.Code, r.TaskId, r.LineCount, r.TotalQuantity, r.TotalCost }).ToListAsync(cancellationToken);
        return [.. receipts.Select(r => (r.Code, r.TaskId, r.LineCount, r.TotalQuantity, r.TotalCost))];
    }

    public static async Task<List<(string Supplier, long Line, string Sku, int Quantity, int UnitCost, long Total)>> ReceiptLinesAsync(this PosDbContext db, CancellationToken cancellationToken)
    {
        var lines = await (from l in db.StockReceiptLines
                           join r in db.StockReceipts on l.ReceiptId equals r.Id
                           join s in db.Suppliers on r.SupplierId equals s.Id
                           join p in db.Products on l.ProductId equals p.Id
                           orderby l.LineNumber
                           select new { s.Code, l.LineNumber, p.Sku, l.Quantity, l.UnitCost, l.Total }).ToListAsync(cancellationToken);
        return [.. lines.Select(l => (l.Code, l.LineNumber, l.Sku, l.Quantity, l.UnitCost, l.Total))];
    }

    public static async Task SeedSuppliersAsync(this PosDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        db.Suppliers.AddRange(codes.Select(code => new Domain.Stores.Supplier { Code = code, Name = $"Supplier {code}" }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
