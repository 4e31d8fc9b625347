using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Persistence;

namespace Workers.Testing;

/// <summary>
/// The migrations a test database must contain: the TaskManager's, then those of the DbContexts given (a
/// worker's). Feeds <see cref="TestDatabase.CreateAsync(LocalStack, IEnumerable{string}, Func{string, Task})"/>.
/// </summary>
public sealed class TestMigrations
{
    private readonly List<Func<string, DbContext>> _contexts = [TaskStore];
    private readonly List<string> _scripts = [];

    /// <summary>Adds a DbContext created for a connection string, migrated after the ones before it.</summary>
    public TestMigrations With(Func<string, DbContext> context)
    {
        _contexts.Add(context);
        return this;
    }

    /// <summary>Adds SQL run after the migrations (tables only tests use).</summary>
    public TestMigrations WithSql(string sql)
    {
        _scripts.Add(sql);
        return this;
    }

    /// <summary>What identifies the template: every migration id and script.</summary>
    public IEnumerable<string> Ids
    {
        get
        {
            foreach (var create in _contexts)
            {
                using var db = create("Host=unused");
                foreach (var id in db.Database.GetMigrations())
                {
                    yield return $"{db.GetType().Name}/{id}";
                }
            }

            foreach (var script in _scripts)
            {
                yield return script;
            }
        }
    }

    /// <summary>Applies the migrations and scripts to the database at <paramref name="connectionString"/>.</summary>
    public async Task ApplyAsync(string connectionString)
    {
        foreach (var create in _contexts)
        {
            await using var db = create(connectionString);
            await db.Database.MigrateAsync();
        }

        foreach (var script in _scripts)
        {
            await using var db = TaskStore(connectionString);
            await db.Database.ExecuteSqlRawAsync(script);
        }
    }

    /// <summary>The options a worker's DbContext uses, with its migrations history in its own schema.</summary>
    public static DbContextOptions<TContext> Options<TContext>(string connectionString, string schema)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>()
            .UseNpgsql(connectionString, n => n.MigrationsHistoryTable(DatabaseServiceCollectionExtensions.MigrationsHistoryTable, schema))
            .Options;

    private static TaskStoreDbContext TaskStore(string connectionString) =>
        new(Options<TaskStoreDbContext>(connectionString, TaskStoreDbContext.Schema));
}
