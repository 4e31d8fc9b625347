using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.TaskManager.Persistence;

namespace Workers.Cli.DeadLetters;

// Finds the recorded failures of dead-lettered messages. A message SQS moved after maxReceiveCount carries no
// reason of its own: its errors are in task_errors, under its message id (SQS keeps the id when it moves a
// message, and so does fauxqs) and its task id (which also finds the attempts of earlier deliveries, e.g.
// before a previous redrive). A database that cannot be reached is an answer too: the caller shows what SQS
// knows and says what is missing.
internal sealed class FailureHistoryReader(IServiceProvider services)
{
    public async Task<FailureLookup> ReadAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken)
    {
        var messageIds = messages.Select(m => m.MessageId)
            .Concat(messages.Select(m => m.Failure?.MessageId).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var taskIds = messages.Select(m => m.Envelope.TaskId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        List<TaskErrorRecord> errors;
        try
        {
            // Resolved here: with no database configured, resolving the reader (its context) is what fails.
            errors = await services.GetRequiredService<TaskProgressReader>().ErrorsForAsync(messageIds, taskIds, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or OptionsValidationException or SocketException or TimeoutException
            || (ex is InvalidOperationException && !cancellationToken.IsCancellationRequested))
        {
            return FailureLookup.Unavailable(ex.Message);
        }

        var histories = new Dictionary<string, FailureHistory>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            var matching = errors
                .Where(e => e.MessageId == message.MessageId
                    || e.MessageId == message.Failure?.MessageId
                    || (message.Envelope.TaskId is { } taskId && e.TaskId == taskId))
                .ToList();
            if (FailureHistory.From(matching) is { } history)
            {
                histories[message.MessageId] = history;
            }
        }

        return new FailureLookup(histories, null);
    }
}
