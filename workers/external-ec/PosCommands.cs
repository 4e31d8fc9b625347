using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Workers.Domain;

namespace Workers.ExternalEc;

// A plain Npgsql command on the DbContext's connection, in its current transaction (a step's), for the set-based
// statements EF cannot express.
internal static class PosCommands
{
    public static NpgsqlCommand Create(PosDbContext db, string sql, params NpgsqlParameter[] parameters)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
