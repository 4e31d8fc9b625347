namespace Workers.ExternalEc;

// Which Ochanoko product a POS product is. An item carries one EC product id (pos.items.ec_product_id); an item
// sold in one condition is that Ochanoko product, and an item with several products (conditions) lists each as
// `<ec product id>-<condition>` on Ochanoko, so every SKU has its own stock and price there. Orders name products
// by product_id and model_number; the model number is the SKU when the shop filled it in, and wins.
internal static class OchanokoProductIds
{
    // The Ochanoko product id of product `p` of item `i` (both aliases in the enclosing query).
    public const string Sql =
        """
        CASE WHEN p.condition IS NULL OR (SELECT count(*) FROM pos.products q WHERE q.item_id = i.id) = 1
             THEN i.ec_product_id ELSE i.ec_product_id || '-' || p.condition END
        """;

    // Whether item `i` is on Ochanoko now.
    public const string Linked = "(i.ec_linked AND i.ec_product_id IS NOT NULL AND NOT i.deleted)";
}
