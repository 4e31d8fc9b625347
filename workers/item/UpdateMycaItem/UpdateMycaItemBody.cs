using System.ComponentModel.DataAnnotations;

namespace Workers.Item.UpdateMycaItem;

// {"items":[{"mycaItemId":12345,"price":480,"pricedAt":"2026-12-02T10:00:00+09:00"}]}: market prices pushed by
// Myca, each with the time Myca priced it.
internal sealed record UpdateMycaItemBody([property: Required, Length(1, UpdateMycaItemBody.MaxItems)] IReadOnlyList<MycaPrice> Items)
{
    public const int MaxItems = 100_000;
}
