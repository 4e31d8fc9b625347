using Workers.Domain.Promotions;
using Workers.Domain.Transactions;

namespace Workers.Transaction.CreateTransaction;

// The sales a chunk's lines name (locked for the chunk) and the products on them.
internal sealed class ChunkSales(IReadOnlyList<LockedSale> sales, HashSet<(int SaleId, int ProductId)> products)
{
    public static ChunkSales None { get; } = new([], []);

    public IReadOnlyDictionary<int, LockedSale> ById { get; } = sales.ToDictionary(s => s.Id);

    private readonly Dictionary<(int, string), LockedSale> _byCode = sales.ToDictionary(s => (s.StoreId, s.Code));

    // Whether a line of <transaction> may take the price of sale <code>: a sale of the store, on now, with the
    // product on it. Its limit is checked later, with the stock (SaleQuota).
    public string? Check(RegisterTransaction transaction, int storeId, int productId, string code, out LockedSale? sale)
    {
        if (!_byCode.TryGetValue((storeId, code), out sale))
        {
            return $"unknown sale '{code}' in store {transaction.StoreCode}";
        }

        if (transaction.Kind != TransactionKind.Sell)
        {
            return $"sale '{code}' prices sales, not buy-backs";
        }

        if (sale.Status != SaleStatus.OnHeld)
        {
            return $"sale '{code}' is not on (it is {(sale.Status == SaleStatus.NotHeld ? "not held yet" : "finished")})";
        }

        return products.Contains((sale.Id, productId)) ? null : $"the product is not on sale '{code}'";
    }
}
