namespace Workers.Domain.Stores;

/// <summary>A shop (pos.stores). Tasks name stores by code; ids stay inside the database.</summary>
public sealed class Store
{
    /// <summary>The store's id.</summary>
    public int Id { get; set; }

    /// <summary>The code tasks name the store by (<c>storeCode</c>); unique.</summary>
    public required string Code { get; set; }

    /// <summary>The shop's name.</summary>
    public required string Name { get; set; }
}
