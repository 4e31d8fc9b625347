using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Product.UpdateStock;

// {"storeCode":"S001","items":[{"sku":"SKU-000001","delta":-2}, ...]}: stock changes for one store, applied in order.
internal sealed record UpdateStockBody(
    [property: Required, StringLength(PosDbContext.CodeLength)] string StoreCode,
    [property: Required, Length(1, UpdateStockBody.MaxItems)] IReadOnlyList<StockDelta> Items)
{
    // Larger changes go through csvStock: one file instead of a multi-megabyte message body.
    public const int MaxItems = 100_000;
}
