namespace Workers.Product.Data;

// A product (product.products). Tasks name products by SKU; ids stay inside the database.
internal sealed class Product
{
    public int Id { get; set; }

    public required string Sku { get; set; }

    public required string Name { get; set; }
}
