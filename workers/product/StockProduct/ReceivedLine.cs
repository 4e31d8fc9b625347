using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Product.StockProduct;

// One product received: how many and what one cost (whole yen). Its supplier is its own, or the body's.
// Quantity and cost are not range-checked here: a bad one rejects the line, not the whole delivery.
internal sealed record ReceivedLine(
    [property: Required, StringLength(PosDbContext.CodeLength)] string Sku,
    int Quantity,
    int UnitCost,
    [property: StringLength(PosDbContext.CodeLength)] string? SupplierCode = null);
