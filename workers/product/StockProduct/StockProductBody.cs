using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Product.StockProduct;

// {"storeCode":"S001","supplierCode":"SUP-1","lines":[{"sku":"SKU-1","quantity":10,"unitCost":120}, ...]}: stock
// received by one store. A line names its own supplierCode when one delivery covers several suppliers.
internal sealed record StockProductBody(
    [property: Required, StringLength(PosDbContext.CodeLength)] string StoreCode,
    [property: Required, Length(1, StockProductBody.MaxLines)] IReadOnlyList<ReceivedLine> Lines,
    [property: StringLength(PosDbContext.CodeLength)] string? SupplierCode = null)
{
    // A delivery note, not an import: larger lists go through csvStock.
    public const int MaxLines = 10_000;
}
