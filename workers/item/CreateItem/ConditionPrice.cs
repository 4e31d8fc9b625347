using System.ComponentModel.DataAnnotations;

namespace Workers.Item.CreateItem;

// Prices of one condition's product that differ from the item's (a played card sells for less).
internal sealed record ConditionPrice(
    [property: Required, StringLength(ItemLimits.ConditionLength)] string Condition,
    [property: Range(0, int.MaxValue)] int? SellPrice = null,
    [property: Range(0, int.MaxValue)] int? BuyPrice = null);
