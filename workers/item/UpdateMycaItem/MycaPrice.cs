using System.ComponentModel.DataAnnotations;

namespace Workers.Item.UpdateMycaItem;

// One market price: Myca's item id, its price in yen, and when Myca priced it (the order that counts, not the
// order the pushes arrive in).
internal sealed record MycaPrice(
    [property: Range(1, long.MaxValue)] long MycaItemId,
    [property: Range(0, int.MaxValue)] int Price,
    DateTimeOffset PricedAt);
