using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;

namespace Workers.Scheduled;

// Runs a statement with positional parameters ($1, $2, …) on the DbContext's connection, in the chunk's
// transaction. EF's ExecuteSql cannot type arrays holding nulls (held_from), so the SQL casts each parameter.
internal static class PosSql
{
    public static async Task<int> ExecuteAsync(PosDbContext db, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(
            sql,
            (NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
