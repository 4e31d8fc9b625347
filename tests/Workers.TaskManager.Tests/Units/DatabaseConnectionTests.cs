using Microsoft.Extensions.Configuration;
using Npgsql;
using Workers.TaskManager.Options;
using Workers.TaskManager.Persistence;

namespace Workers.TaskManager.Tests.Units;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void The_JSON_secret_Copilot_injects_becomes_a_connection_string()
    {
        var options = new DatabaseOptions { SecretVariable = "TEST_DB_SECRET_" + Guid.NewGuid().ToString("N") };
        Environment.SetEnvironmentVariable(options.SecretVariable, """{"host":"db.cluster.local","port":5432,"dbname":"pos","username":"worker","password":"s3cret;x","engine":"postgres"}""");
        try
        {
            var connection = DatabaseConnection.Resolve(new ConfigurationBuilder().Build(), options, "worker-product", out var problem);

            Assert.Null(problem);
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            Assert.Equal(("db.cluster.local", 5432, "pos", "worker", "s3cret;x", "worker-product", 50), (parsed.Host, parsed.Port, parsed.Database, parsed.Username, parsed.Password, parsed.ApplicationName, parsed.MaxPoolSize));
        }
        finally
        {
            Environment.SetEnvironmentVariable(options.SecretVariable, null);
        }
    }

    [Fact]
    public void A_configured_connection_string_wins_over_the_secret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workers"] = "Host=localhost;Database=local;Maximum Pool Size=7" }).Build();

        var connection = DatabaseConnection.Resolve(configuration, new DatabaseOptions(), "w", out _);

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(connection).MaxPoolSize);
    }

    [Fact]
    public void A_missing_or_unreadable_secret_is_reported_in_words()
    {
        var options = new DatabaseOptions { SecretVariable = "TEST_DB_SECRET_" + Guid.NewGuid().ToString("N") };
        Assert.Null(DatabaseConnection.Resolve(new ConfigurationBuilder().Build(), options, "w", out var missing));
        Assert.Contains("No database is configured", missing, StringComparison.Ordinal);

        Environment.SetEnvironmentVariable(options.SecretVariable, """{"host":"h"}""");
        try
        {
            Assert.Null(DatabaseConnection.Resolve(new ConfigurationBuilder().Build(), options, "w", out var unreadable));
            Assert.Contains(options.SecretVariable, unreadable, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(options.SecretVariable, null);
        }
    }
}
