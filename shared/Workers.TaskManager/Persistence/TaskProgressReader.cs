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
        db.Errors.AsNoTracking().Where(e => e.MessageId == messageId).OrderBy(e => e.OccurredAt).ToListAsync(cancellationToken);
}
