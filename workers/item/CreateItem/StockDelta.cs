namespace Workers.Item.CreateItem;

// One line of an updateStock follow-up: the initial stock of one new product, added to the store's level.
internal sealed record StockDelta(string Sku, int Delta);
