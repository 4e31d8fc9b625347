using Npgsql;

namespace Workers.Cli.Builds;

// Reads build records. Plain SQL on the fleet's data source: the CLI does not reference the build worker, and
// the columns it reads are the worker's documented record (workers/build/README.md).
internal sealed class BuildReader(NpgsqlDataSource database)
{
    public async Task<BuildView?> GetAsync(string buildId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """
            SELECT build_id, task_id, status, engine, source_bytes, cache_hit, bundle_bucket, bundle_key, bundle_sha256,
                   bundle_bytes, error_type, error_message, details::text, result::text, build_ms, total_ms, process_id,
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
        return new BuildView(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetInt64(4),
            reader.GetBoolean(5),
            Get<string>(6),
            Get<string>(7),
            Get<string>(8),
            Get<long?>(9),
            Get<string>(10),
            Get<string>(11),
            Get<string>(12),
            Get<string>(13),
            Get<double?>(14),
            Get<double?>(15),
            Get<int?>(16),
            reader.GetInt32(17),
            reader.GetFieldValue<DateTimeOffset>(18),
            Get<DateTimeOffset?>(19));
    }
}
