namespace Workers.Cli.Tests.Infrastructure;

// The product worker's stockProduct body as far as these tests need it: the fleet declares the task type, so
// the in-process worker must register it, but no CLI test sends one.
internal sealed record StockReceipt(string StoreCode);
