namespace Workers.Product.CsvStock;

// One data row of a stock CSV, as text: StockLevelImport validates it, so a bad row is rejected with its line
// number instead of failing the file. Problem is set when the row could not even be split into its fields.
internal sealed record StockCsvRow(long Line, string Store, string Sku, string Quantity, string? Problem = null);
