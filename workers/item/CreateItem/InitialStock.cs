using System.ComponentModel.DataAnnotations;
using Workers.Domain;

namespace Workers.Item.CreateItem;

// Stock a store starts with for one condition of the new item; no condition means the category's first
// (its main one: mint for single cards, new for sealed goods).
internal sealed record InitialStock(
    [property: Required, StringLength(PosDbContext.CodeLength)] string StoreCode,
    [property: Range(0, int.MaxValue)] int Quantity,
    [property: StringLength(ItemLimits.ConditionLength)] string? Condition = null);
