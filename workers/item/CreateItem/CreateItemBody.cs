using System.ComponentModel.DataAnnotations;

namespace Workers.Item.CreateItem;

// {"items":[{"code":"SV4a-001","name":"…","categoryCode":"SINGLE","sellPrice":500,"buyPrice":200, …}]}:
// catalogue items to create, each with one product per condition of its category.
internal sealed record CreateItemBody([property: Required, Length(1, CreateItemBody.MaxItems)] IReadOnlyList<NewItem> Items)
{
    // A whole catalogue import fits; larger ones are split by the caller (a body this size is ~5 MB, sent
    // through the claim check).
    public const int MaxItems = 20_000;
}
