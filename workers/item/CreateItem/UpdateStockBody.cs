namespace Workers.Item.CreateItem;

// The product worker's updateStock body, as this worker sends it (workers/product/UpdateStock/UpdateStockBody.cs
// is the receiving side's record): {"storeCode":"S001","items":[{"sku":"SV4a-001-mint","delta":3}]}.
internal sealed record UpdateStockBody(string StoreCode, IReadOnlyList<StockDelta> Items);
