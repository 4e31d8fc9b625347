using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Workers.TaskManager.Options;

namespace Workers.TaskManager.Persistence;

/// <summary>
/// Builds the connection string: <c>ConnectionStrings:Workers</c>, else the Secrets Manager JSON that Copilot
/// injects into the environment variable named by <c>Database:SecretVariable</c>.
/// </summary>
public static class DatabaseConnection
{
    /// <summary>The connection string, or null with <paramref name="problem"/> saying what is missing.</summary>
    public static string? Resolve(IConfiguration configuration, DatabaseOptions options, string applicationName, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        problem = null;
        NpgsqlConnectionStringBuilder builder;
        var poolSizeGiven = false;
        if (configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) is { Length: > 0 } configured)
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
            var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configured };
            poolSizeGiven = PoolSizeKeywords.Any(keys.ContainsKey);
        }
        else if (Environment.GetEnvironmentVariable(options.SecretVariable) is { Length: > 0 } secret)
        {
            try
            {
                builder = FromSecret(secret);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                problem = $"The database secret in {options.SecretVariable} is not the JSON Secrets Manager stores for a database ({{\"host\",\"port\",\"dbname\",\"username\",\"password\"}}): {ex.Message}";
                return null;
            }
        }
        else
        {
            problem = $"No database is configured: set ConnectionStrings__{DatabaseOptions.ConnectionStringName}, or put the database secret's JSON in {options.SecretVariable} (Copilot does this from Secrets Manager).";
            return null;
        }

        builder.ApplicationName ??= applicationName;
        if (!poolSizeGiven)
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }

        return builder.ConnectionString;
    }

    private static readonly string[] PoolSizeKeywords = ["Maximum Pool Size", "Max Pool Size", "MaxPoolSize"];

    private static NpgsqlConnectionStringBuilder FromSecret(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new NpgsqlConnectionStringBuilder
        {
            Host = root.GetProperty("host").GetString(),
            Port = root.GetProperty("port") is { ValueKind: JsonValueKind.String } port
                ? int.Parse(port.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : root.GetProperty("port").GetInt32(),
            Database = root.GetProperty("dbname").GetString(),
            Username = root.GetProperty("username").GetString(),
            Password = root.GetProperty("password").GetString(),
            SslMode = SslMode.Prefer,
        };
    }
}
