namespace Workers.Domain.Promotions;

/// <summary>A component of a bundle and how many go into one bundle (pos.bundle_components).</summary>
public sealed class BundleComponent
{
    /// <summary>The bundle.</summary>
    public int BundleItemId { get; set; }

    /// <summary>The component product.</summary>
    public int ProductId { get; set; }

    /// <summary>How many go into one bundle, more than 0.</summary>
    public int Quantity { get; set; }
}
