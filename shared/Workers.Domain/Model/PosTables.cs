using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workers.Domain.Model;

// Maps an entity to its pos table. Only PosDbContext itself owns the tables' migrations: a worker's DbContext
// derived from it maps the same tables (its chunk transactions write them) but excludes them from its own
// migrations, so the pos schema is created and changed in one place, Workers.Domain/Migrations.
internal sealed class PosTables(ModelBuilder modelBuilder, bool ownsMigrations)
{
    public EntityTypeBuilder<T> Table<T>(string name, params (string Name, string Sql)[] checks)
        where T : class
    {
        var entity = modelBuilder.Entity<T>();
        entity.ToTable(name, PosDbContext.Schema, table =>
        {
            table.ExcludeFromMigrations(!ownsMigrations);
            foreach (var (check, sql) in checks)
            {
                table.HasCheckConstraint(check, sql);
            }
        });
        return entity;
    }
}
