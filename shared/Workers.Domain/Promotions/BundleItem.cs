namespace Workers.Domain.Promotions;

/// <summary>
/// A product assembled from component products (pos.bundle_items), e.g. a deck: when published its stock is made
/// from the components' (through the stock ledger), when dismantled it goes back to them.
/// </summary>
public sealed class BundleItem
{
    /// <summary>The bundle's id.</summary>
    public int Id { get; set; }

    /// <summary>The store it is assembled in.</summary>
    public int StoreId { get; set; }

    /// <summary>The bundle's own product (its SKU).</summary>
    public int ProductId { get; set; }

    /// <summary>How many bundles to assemble.</summary>
    public int Quantity { get; set; }

    /// <summary>Draft → Published → Withdrawn (dismantled).</summary>
    public PublicationStatus Status { get; set; }

    /// <summary>The day it is assembled and offered.</summary>
    public DateOnly StartsOn { get; set; }

    /// <summary>The day after which it is dismantled; null for no end.</summary>
    public DateOnly? ExpiresOn { get; set; }
}
