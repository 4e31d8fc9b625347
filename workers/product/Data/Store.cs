namespace Workers.Product.Data;

// A shop (product.stores). Tasks name stores by code; ids stay inside the database.
internal sealed class Store
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }
}
