namespace Workers.Domain.Ledger;

/// <summary>One change the stock ledger is asked to make to one store's stock of one product.</summary>
/// <param name="StoreId">The store; must exist (resolve codes first: an unknown id fails the statement).</param>
/// <param name="ProductId">The product; must exist.</param>
/// <param name="Kind">Whether <paramref name="Quantity"/> is a delta or a counted level.</param>
/// <param name="Quantity">The delta, or the counted level.</param>
/// <param name="Reason">Why: one of <see cref="StockReasons"/>.</param>
/// <param name="Reference">What caused it, for a person reading the movements (<c>line 12</c>), if anything.</param>
public sealed record StockChange(int StoreId, int ProductId, StockChangeKind Kind, int Quantity, string Reason, string? Reference = null)
{
    /// <summary>Adds <paramref name="delta"/> units (negative to take them).</summary>
    public static StockChange Add(int storeId, int productId, int delta, string reason, string? reference = null) =>
        new(storeId, productId, StockChangeKind.Delta, delta, reason, reference);

    /// <summary>Sets the level to <paramref name="quantity"/>, as counted.</summary>
    public static StockChange Count(int storeId, int productId, int quantity, string reason, string? reference = null) =>
        new(storeId, productId, StockChangeKind.Count, quantity, reason, reference);
}
