using Microsoft.EntityFrameworkCore;

namespace Workers.TaskManager.Persistence;

/// <summary>Reads a task's progress for operators (<c>workers task &lt;id&gt;</c>) and for <c>--wait</c>.</summary>
public sealed class TaskProgressReader(TaskStoreDbContext db)
{
    /// <summary>The task, or null if no delivery of it has been recorded yet.</summary>
    public async Task<TaskProgress?> GetAsync(string taskId, int maxRows = 20, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.TaskId == taskId, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var errors = await db.Errors.AsNoTracking()
            .Where(e => e.TaskId == taskId)
            .OrderByDescending(e => e.OccurredAt)
            .Take(maxRows)
            .ToListAsync(cancellationToken);
        var rejections = await db.Rejections.AsNoTracking()
            .Where(r => r.TaskId == taskId)
            .OrderBy(r => r.Id)
            .Take(maxRows)
            .ToListAsync(cancellationToken);
        return new TaskProgress(task, errors, rejections);
    }

    /// <summary>The errors recorded for a message id (a dead-lettered message finds its reasons this way).</summary>
    public Task<List<TaskErrorRecord>> ErrorsForMessageAsync(string messageId, CancellationToken cancellationToken = default) =>
        ErrorsForAsync([messageId], [], cancellationToken);

    /// <summary>
    /// The errors recorded under any of <paramref name="messageIds"/> or <paramref name="taskIds"/>, oldest first,
    /// in one query. A dead-lettered message finds its own failures by its message id (SQS keeps it when it moves
    /// a message) and those of its task's earlier deliveries (e.g. before a redrive) by its task id.
    /// </summary>
    public Task<List<TaskErrorRecord>> ErrorsForAsync(
        IReadOnlyCollection<string> messageIds,
        IReadOnlyCollection<string> taskIds,
        CancellationToken cancellationToken = default) =>
        db.Errors.AsNoTracking()
            .Where(e => messageIds.Contains(e.MessageId) || (e.TaskId != null && taskIds.Contains(e.TaskId)))
            .OrderBy(e => e.OccurredAt)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
}
