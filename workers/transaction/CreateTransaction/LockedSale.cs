using Workers.Domain.Promotions;

namespace Workers.Transaction.CreateTransaction;

// What a chunk needs of a sale its lines name, read under the chunk's FOR UPDATE lock.
internal sealed record LockedSale(int Id, int StoreId, string Code, SaleStatus Status, int? QuantityLimit, int SoldCount);
