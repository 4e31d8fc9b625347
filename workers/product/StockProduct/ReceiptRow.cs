namespace Workers.Product.StockProduct;

// A receipt the upsert created or added to.
internal sealed record ReceiptRow(int SupplierId, long Id);
