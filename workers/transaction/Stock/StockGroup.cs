using Workers.Domain.Ledger;

namespace Workers.Transaction.Stock;

// The stock changes of one register transaction (or of its reversal), applied whole or not at all. Describe
// names a change for a rejection reason ("line 2 (SKU-1)").
internal sealed record StockGroup(IReadOnlyList<StockChange> Changes, Func<int, string> Describe);
