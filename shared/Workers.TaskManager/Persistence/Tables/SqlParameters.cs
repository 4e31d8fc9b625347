using Npgsql;
using NpgsqlTypes;

namespace Workers.TaskManager.Persistence.Tables;

// Parameters for the Npgsql batch statements. Text is typed explicitly: a null needs a type for PostgreSQL to
// infer the column's, and an untyped string array would be sent as text[] only by luck of inference.
internal static class SqlParameters
{
    public static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter TextArray(IEnumerable<string?> values) =>
        new() { Value = values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter<T> Value<T>(T value) => new() { TypedValue = value };

    public static NpgsqlParameter Time(DateTimeOffset? value) =>
        new() { Value = value is { } time ? time : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    // The name EF's string conversion of TaskState reads back (TaskStoreDbContext maps State with HasConversion<string>).
    public static string State(TaskState state) => state.ToString();

    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
