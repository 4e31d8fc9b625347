using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workers.Domain.Model;

// Lets a table's mapping read as one block after PosTables.Table names it.
internal static class EntityTypeBuilderExtensions
{
    public static void Configure<T>(this EntityTypeBuilder<T> entity, Action<EntityTypeBuilder<T>> configure)
        where T : class => configure(entity);
}
