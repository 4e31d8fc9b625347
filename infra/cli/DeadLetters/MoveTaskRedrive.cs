using Amazon.SQS;
using Amazon.SQS.Model;
using Workers.Cli.Errors;

namespace Workers.Cli.DeadLetters;

// Redrive by SQS itself (StartMessageMoveTask): SQS moves every message back to the worker's queue, keeping
// FIFO groups in order, and reports its progress through ListMessageMoveTasks. Only AWS has it: fauxqs answers
// InvalidAction, which the caller takes as the sign to move the messages one by one.
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html
internal sealed class MoveTaskRedrive(IAmazonSQS sqs, DeadLetterQueue queue, TimeProvider time)
{
    // The move task's status changes over seconds; reading it faster only costs requests.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    private static readonly string[] Unsupported = ["InvalidAction", "UnsupportedOperation", "UnknownOperationException", "AWS.SimpleQueueService.UnsupportedOperation"];

    // The task handle, or null when the endpoint does not know the API.
    public async Task<string?> StartAsync(CancellationToken cancellationToken)
    {
        var source = await ArnAsync(queue.Url, cancellationToken);
        var destination = await ArnAsync(queue.SourceUrl, cancellationToken);
        try
        {
            var started = await sqs.StartMessageMoveTaskAsync(
                new StartMessageMoveTaskRequest { SourceArn = source, DestinationArn = destination },
                cancellationToken);
            return started.TaskHandle;
        }
        catch (AmazonSQSException ex) when (Unsupported.Contains(ex.ErrorCode, StringComparer.Ordinal))
        {
            return null;
        }
    }

    // Follows the move task until it completes; Ctrl-C stops following, not the task.
    public async Task<long> FollowAsync(string taskHandle, Action<RedriveProgress> progress, CancellationToken cancellationToken)
    {
        var source = await ArnAsync(queue.Url, cancellationToken);
        while (true)
        {
            var tasks = await sqs.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = source, MaxResults = 10 }, cancellationToken);
            var task = tasks.Results?.FirstOrDefault(t => t.TaskHandle == taskHandle) ?? tasks.Results?.FirstOrDefault();
            var moved = task?.ApproximateNumberOfMessagesMoved ?? 0;
            progress(new RedriveProgress(moved, task?.ApproximateNumberOfMessagesToMove ?? moved, null, task?.Status));
            switch (task?.Status)
            {
                case "COMPLETED":
                    return moved;
                case "FAILED":
                    throw CliException.Failure($"SQS's move task failed after moving {moved}: {task.FailureReason}");
                case "CANCELLED":
                    throw CliException.Failure($"SQS's move task was cancelled after moving {moved}.");
            }

            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private async Task<string> ArnAsync(string url, CancellationToken cancellationToken) =>
        (await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.QueueArn] }, cancellationToken)).QueueARN;
}
