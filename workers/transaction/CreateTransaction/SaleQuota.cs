using Workers.Transaction.Stock;

namespace Workers.Transaction.CreateTransaction;

// The sales the chunk's lines name, locked, and how much of each the admitted transactions take: a transaction
// whose lines would sell more of a sale than its limit leaves is rejected whole.
internal sealed class SaleQuota(IReadOnlyDictionary<int, LockedSale> sales, IReadOnlyList<Candidate> candidates) : IAdmission
{
    private readonly Dictionary<int, long> _taken = [];

    public IReadOnlyDictionary<int, long> Taken => _taken;

    public string? Admit(int index)
    {
        var wanted = candidates[index].Lines
            .Where(l => l.SaleId is not null)
            .GroupBy(l => l.SaleId!.Value)
            .Select(g => (Sale: sales[g.Key], Quantity: g.Sum(l => (long)l.Quantity)))
            .ToList();
        foreach (var (sale, quantity) in wanted)
        {
            var sold = sale.SoldCount + _taken.GetValueOrDefault(sale.Id);
            if (sale.QuantityLimit is { } limit && sold + quantity > limit)
            {
                return $"sale '{sale.Code}' has {Math.Max(0, limit - sold)} of its limit of {limit} left, and the transaction sells {quantity} at its price";
            }
        }

        foreach (var (sale, quantity) in wanted)
        {
            _taken[sale.Id] = _taken.GetValueOrDefault(sale.Id) + quantity;
        }

        return null;
    }
}
