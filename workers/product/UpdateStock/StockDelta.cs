using System.ComponentModel.DataAnnotations;

namespace Workers.Product.UpdateStock;

// One change of one product's stock: positive for goods in, negative for goods out.
internal sealed record StockDelta([property: Required] string Sku, int Delta);
