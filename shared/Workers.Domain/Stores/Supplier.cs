namespace Workers.Domain.Stores;

/// <summary>A wholesaler stock is bought from (pos.suppliers); shared by the chain's stores, named by code.</summary>
public sealed class Supplier
{
    /// <summary>The supplier's id.</summary>
    public int Id { get; set; }

    /// <summary>The code tasks name the supplier by; unique.</summary>
    public required string Code { get; set; }

    /// <summary>The supplier's name.</summary>
    public required string Name { get; set; }
}
