using System.Security.Cryptography;
using System.Text;

namespace Workers.Cli.DeadLetters;

// The deduplication id of a redriven message, derived from the dead-letter message's id: if the CLI stops between
// sending a message back and deleting it from the DLQ, the next run sends it again under the same id and SQS drops
// the copy (within its 5-minute deduplication window). Each arrival in the DLQ has its own id (SQS keeps the id of
// the delivery it moves, and a redriven message gets a new one when it is sent), so a task that fails again after
// a redrive and is redriven once more is not mistaken for a repeat.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagededuplicationid-property.html
internal static class RedriveDeduplication
{
    public static string For(string deadLetterMessageId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("redrive\n" + deadLetterMessageId)));
}
