using Workers.Domain.Ledger;
using Workers.Domain.Transactions;
using Workers.Transaction.Stock;

namespace Workers.Transaction.CreateTransaction;

// A transaction of the chunk that passed every check that needs no lock: its store, products and sales resolved.
internal sealed record Candidate(RegisterTransaction Transaction, int StoreId, string Hash, IReadOnlyList<CandidateLine> Lines)
{
    public StockGroup Stock(string reason) => new(
        [.. Lines.Select(l => StockChange.Add(
            StoreId,
            l.ProductId,
            Transaction.Kind == TransactionKind.Sell ? -l.Quantity : l.Quantity,
            reason,
            $"{Transaction.Code} line {l.Number}"))],
        i => $"line {Lines[i].Number} ({Transaction.Lines[i].Sku}, {Transaction.Kind.ToString().ToLowerInvariant()} {Lines[i].Quantity})");
}
