using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Item.UpdateItem;

// A partial update of one item: only the fields present change. JSON cannot tell a missing field from a null
// one here, so a field is emptied by naming it in `clear` (genre, Myca link, EC link), never by sending null.
// `deleted: true` deletes the item: it stays for history but takes no further updates. The category cannot
// change: it decides which products the item has.
internal sealed record ItemUpdate(
    [property: Required, StringLength(PosDbContext.CodeLength)] string Code,
    [property: StringLength(PosDbContext.NameLength, MinimumLength = 1)] string? Name = null,
    [property: StringLength(ItemLimits.GenreLength)] string? Genre = null,
    [property: Range(0, int.MaxValue)] int? SellPrice = null,
    [property: Range(0, int.MaxValue)] int? BuyPrice = null,
    [property: Range(1, long.MaxValue)] long? MycaItemId = null,
    [property: StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string? EcProductId = null,
    bool? Deleted = null,
    IReadOnlyList<ClearableField>? Clear = null);
