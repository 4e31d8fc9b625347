namespace Workers.Item.UpdateItem;

// What an update means for the EC platform.
internal enum EcChange
{
    // Nothing it shows changed (or the item is not on it).
    None,

    // The selling price of a linked item changed: push the price of its products that have no price of their own.
    Price,

    // The item was just linked: push the price and the stock of all its products, which the platform never had.
    Linked,
}
