namespace Workers.Item.UpdateItem;

// The optional fields of an item an update may empty (on the wire: "genre", "mycaItemId", "ecProductId").
internal enum ClearableField
{
    Genre,
    MycaItemId,
    EcProductId,
}
