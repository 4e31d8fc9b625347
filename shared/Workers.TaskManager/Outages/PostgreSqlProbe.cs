using Npgsql;

namespace Workers.TaskManager.Outages;

// SELECT 1 on a new physical connection: a pooled connection opened before a restart would prove nothing, and
// the server may accept connections before it accepts queries (57P03 while it recovers).
internal sealed class PostgreSqlProbe(NpgsqlDataSource dataSource) : IDependencyProbe
{
    public string Dependency => DependencyFailures.PostgreSql;

    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString) { Pooling = false, Timeout = 5 };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);

        // The pool's connections from before the outage are broken (the server ended them); drop them all, idle
        // and busy, rather than let each held task meet one, fail, and wait for another probe.
        dataSource.Clear();
    }
}
