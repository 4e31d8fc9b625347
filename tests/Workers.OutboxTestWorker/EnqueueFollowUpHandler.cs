using Workers.TaskManager;
using Workers.TaskManager.Publishing;

namespace Workers.OutboxTestWorker;

internal sealed class EnqueueFollowUpHandler : ITaskHandler<FollowUpRequest>
{
    public Task HandleAsync(TaskContext<FollowUpRequest> task, CancellationToken cancellationToken) =>
        task.TransactionAsync(_ =>
        {
            task.Enqueue("follow", TaskMessage.Create("followUp", new { text = task.Body.Text }, "g", task.Body.FollowUpTaskId));
            return Task.CompletedTask;
        }, cancellationToken);
}
