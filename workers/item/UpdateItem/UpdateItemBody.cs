using System.ComponentModel.DataAnnotations;

namespace Workers.Item.UpdateItem;

// {"items":[{"code":"SV4a-001","sellPrice":480}, {"code":"SV4a-002","clear":["mycaItemId"]}]}: partial updates
// of catalogue items, applied in order.
internal sealed record UpdateItemBody([property: Required, Length(1, UpdateItemBody.MaxItems)] IReadOnlyList<ItemUpdate> Items)
{
    public const int MaxItems = 20_000;
}
