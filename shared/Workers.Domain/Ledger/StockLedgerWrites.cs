namespace Workers.Domain.Ledger;

// What one ledger call writes, gathered as columns for StockLedgerSql.Write's arrays.
internal sealed class StockLedgerWrites
{
    public List<int> LevelStores { get; } = [];

    public List<int> LevelProducts { get; } = [];

    public List<int> LevelQuantities { get; } = [];

    public List<int> MovementStores { get; } = [];

    public List<int> MovementProducts { get; } = [];

    public List<int> MovementDeltas { get; } = [];

    public List<int> MovementQuantities { get; } = [];

    public List<string> MovementReasons { get; } = [];

    public List<string?> MovementReferences { get; } = [];

    public List<int> UnusedStores { get; } = [];

    public List<int> UnusedProducts { get; } = [];

    public List<int> SyncStores { get; } = [];

    public List<int> SyncProducts { get; } = [];

    public bool IsEmpty => LevelStores.Count == 0 && UnusedStores.Count == 0;

    public void Movement(StockChange change, int delta, int quantityAfter)
    {
        MovementStores.Add(change.StoreId);
        MovementProducts.Add(change.ProductId);
        MovementDeltas.Add(delta);
        MovementQuantities.Add(quantityAfter);
        MovementReasons.Add(change.Reason);
        MovementReferences.Add(change.Reference);
    }
}
