using Workers.Domain.Catalog;

namespace Workers.Item;

// Which conditions an item is sold in: its category's, in the category's order. Conditions belong to the kind
// of goods, not to one item (a sealed box has no "played"; every single card has the same grading scale), so
// shops set them once per category and every item of it gets the same products. A category that lists none
// sells its items in one condition, "new": an item needs at least one product to be stocked or sold.
internal static class Conditions
{
    public const string Default = "new";

    public static IReadOnlyList<string> Of(Category category) =>
        category.Conditions.Count > 0 ? category.Conditions : [Default];

    // SKUs name the item and the condition, so they are stable and readable: SV4a-001-mint.
    public static string Sku(string itemCode, string condition) => $"{itemCode}-{condition}";
}
