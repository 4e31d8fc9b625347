using System.Globalization;

namespace Workers.TaskManager.Consuming;

// Turns an SQS batch response's Failed list (entries are identified by their index) into one result per entry.
internal static class BatchResults
{
    public static IReadOnlyList<BatchEntryResult> Map<TFailure>(
        int count,
        List<TFailure>? failed,
        Func<TFailure, (string Id, string Code, string Message, bool SenderFault)> describe)
    {
        var results = new BatchEntryResult[count];
        Array.Fill(results, BatchEntryResult.Success);
        foreach (var failure in failed ?? [])
        {
            var (id, code, message, senderFault) = describe(failure);
            results[int.Parse(id, CultureInfo.InvariantCulture)] = BatchEntryResult.Failure(code, message, transient: !senderFault);
        }

        return results;
    }
}
