using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Options;

/// <summary>
/// The PostgreSQL database (section <c>Database</c>): <c>ConnectionStrings:Workers</c> if set, else the JSON
/// secret Copilot injects from Secrets Manager (<c>{"host","port","dbname","username","password"}</c>) in the
/// environment variable named by <see cref="SecretVariable"/>.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Database";

    /// <summary>The connection string name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Workers";

    /// <summary>The environment variable that holds the JSON secret.</summary>
    [Required]
    public string SecretVariable { get; set; } = "DB_SECRET";

    /// <summary>Connections per process; handlers, chunk transactions and error records share the pool.</summary>
    [Range(1, 1000)]
    public int MaxPoolSize { get; set; } = 50;
}
