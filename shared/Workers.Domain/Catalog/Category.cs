namespace Workers.Domain.Catalog;

/// <summary>
/// A catalogue category (pos.categories), e.g. single cards or sealed boxes, with the conditions its items are
/// sold in: an item of the category gets one product per condition.
/// </summary>
public sealed class Category
{
    /// <summary>The category's id.</summary>
    public int Id { get; set; }

    /// <summary>The code tasks name the category by; unique.</summary>
    public required string Code { get; set; }

    /// <summary>The category's name.</summary>
    public required string Name { get; set; }

    /// <summary>The conditions an item of this category is sold in (e.g. <c>mint</c>, <c>played</c>), in display order.</summary>
    public List<string> Conditions { get; set; } = [];
}
