using System.Security.Cryptography;
using System.Text.Json;
using Workers.TaskManager;

namespace Workers.Transaction.CreateTransaction;

// What tells a resend of a transaction from another one that reuses its code: SHA-256 of the transaction as the
// task's JSON options write it (records serialize their members in declaration order, so equal content gives
// equal bytes whatever order the sender wrote its properties in).
internal static class ContentHash
{
    public static string Of(RegisterTransaction transaction) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(transaction, TaskJson.Options)));
}
