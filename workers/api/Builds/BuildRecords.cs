using System.Text.Json;
using Npgsql;

namespace Workers.Api.Builds;

// Reads build records with plain SQL on the fleet's data source: the API does not reference the build worker,
// and these columns are the worker's documented record.
internal sealed class BuildRecords(NpgsqlDataSource database)
{
    public async Task<BuildRecord?> GetAsync(string buildId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            SELECT build_id, status, engine, bundle_bucket, bundle_key, bundle_sha256, bundle_bytes, result::text,
                   attempts, created_at, finished_at
            FROM build.builds WHERE build_id = $1
            """);
        command.Parameters.AddWithValue(buildId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        T? Get<T>(int i) => reader.IsDBNull(i) ? default : reader.GetFieldValue<T>(i);
        var result = Get<string>(7);
        return new BuildRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Get<string>(3),
            Get<string>(4),
            Get<string>(5),
            Get<long?>(6),
            result is null ? null : JsonDocument.Parse(result).RootElement.Clone(),
            reader.GetInt32(8),
            reader.GetFieldValue<DateTimeOffset>(9),
            Get<DateTimeOffset?>(10));
    }
}
