using System.Security.Cryptography;
using System.Text;

namespace Workers.TaskManager.Publishing;

// Content-derived deduplication ids (the original system used an MD5 of the body; SHA-256 avoids a broken hash
// for the same cost). 64 hex characters, within SQS's 128.
internal static class DeduplicationIds
{
    public static string ForTask(string taskId) => Hash("task\n" + taskId);

    public static string ForContent(string taskType, string groupId, string bodyJson) =>
        Hash($"{taskType}\n{groupId}\n{bodyJson}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
