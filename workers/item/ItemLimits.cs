namespace Workers.Item;

// Column lengths of the pos schema that PosDbContext does not name as constants (see Model/CatalogModel.cs
// in Workers.Domain): bodies validate against them, so a value the column cannot hold fails as a bad body.
internal static class ItemLimits
{
    public const int GenreLength = 100;

    public const int ConditionLength = 32;
}
