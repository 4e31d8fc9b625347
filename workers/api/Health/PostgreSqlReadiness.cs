using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Workers.Api.Health;

// SELECT 1 on a pooled connection: the server accepts connections and answers.
internal sealed class PostgreSqlReadiness(NpgsqlDataSource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {ex.Message}");
        }
    }
}
