using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Item.CreateItem;

// One catalogue item to create. Prices are whole yen. An EC product id links the item to the EC platform
// (its stock and price changes are then synced). Condition prices override the item's prices for one
// condition; initial stock is added to the new products through the product worker (updateStock).
internal sealed record NewItem(
    [property: Required, StringLength(PosDbContext.CodeLength)] string Code,
    [property: Required, StringLength(PosDbContext.NameLength)] string Name,
    [property: Required, StringLength(PosDbContext.CodeLength)] string CategoryCode,
    [property: Range(0, int.MaxValue)] int SellPrice,
    [property: Range(0, int.MaxValue)] int BuyPrice,
    [property: StringLength(ItemLimits.GenreLength)] string? Genre = null,
    [property: Range(1, long.MaxValue)] long? MycaItemId = null,
    [property: StringLength(PosDbContext.CodeLength, MinimumLength = 1)] string? EcProductId = null,
    IReadOnlyList<ConditionPrice>? ConditionPrices = null,
    IReadOnlyList<InitialStock>? InitialStock = null);
