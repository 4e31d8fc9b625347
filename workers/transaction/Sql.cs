using Npgsql;

namespace Workers.Transaction;

// Raw statements for the hot path: a chunk's statements go out in NpgsqlBatches (one round trip each) on the
// DbContext's connection and transaction, which EF's ExecuteSql cannot batch.
internal static class Sql
{
    // A statement with positional parameters $1, $2, … (cast them in the SQL: arrays are inferred from the CLR
    // type, and a null element would otherwise leave the type open). A lone array argument must be cast to object,
    // or C# passes it as the params array itself.
    public static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
