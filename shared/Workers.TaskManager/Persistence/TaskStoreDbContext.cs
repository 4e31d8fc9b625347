using Microsoft.EntityFrameworkCore;
using Workers.TaskManager.Outbox;
using Workers.TaskManager.Persistence.Tables;

namespace Workers.TaskManager.Persistence;

/// <summary>
/// The TaskManager's own tables, in the <c>taskmanager</c> schema of the fleet's database. Domain workers keep
/// their tables in their own schema and DbContext; chunk transactions write the ledger through the worker's
/// connection so both commit together.
/// </summary>
public sealed class TaskStoreDbContext(DbContextOptions<TaskStoreDbContext> options) : DbContext(options)
{
    /// <summary>The schema every TaskManager table lives in.</summary>
    public const string Schema = "taskmanager";

    /// <summary>Tasks and their progress.</summary>
    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();

    /// <summary>The chunk ledger.</summary>
    public DbSet<TaskStepRecord> Steps => Set<TaskStepRecord>();

    /// <summary>Failed deliveries.</summary>
    public DbSet<TaskErrorRecord> Errors => Set<TaskErrorRecord>();

    /// <summary>Items that chunks rejected.</summary>
    public DbSet<TaskRejectionRecord> Rejections => Set<TaskRejectionRecord>();

    /// <summary>Follow-up tasks committed with their effects, waiting to be (or recently) published.</summary>
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();

    /// <summary>The schedules the fleet scheduler has seen.</summary>
    public DbSet<Scheduling.ScheduleRecord> Schedules => Set<Scheduling.ScheduleRecord>();

    /// <summary>Schedule occurrences enqueued or skipped.</summary>
    public DbSet<Scheduling.ScheduleRunRecord> ScheduleRuns => Set<Scheduling.ScheduleRunRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);

        modelBuilder.Entity<TaskRecord>(task =>
        {
            task.ToTable(TasksTable.Name);
            task.HasKey(t => t.TaskId);
            task.Property(t => t.TaskId).HasMaxLength(128);
            task.Property(t => t.GroupId).HasMaxLength(128);
            task.Property(t => t.MessageId).HasMaxLength(128);
            task.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
            task.HasIndex(t => new { t.Worker, t.UpdatedAt });
        });

        modelBuilder.Entity<TaskStepRecord>(step =>
        {
            step.ToTable(TaskStepsTable.Name);
            step.HasKey(s => new { s.TaskId, s.Step });
            step.Property(s => s.TaskId).HasMaxLength(128);
            step.Property(s => s.Step).HasMaxLength(128);
        });

        modelBuilder.Entity<TaskErrorRecord>(error =>
        {
            error.ToTable(TaskErrorsTable.Name);
            error.Property(e => e.TaskId).HasMaxLength(128);
            error.Property(e => e.MessageId).HasMaxLength(128);
            error.HasIndex(e => e.TaskId);
            error.HasIndex(e => e.MessageId);
            error.HasIndex(e => e.OccurredAt);
        });

        modelBuilder.Entity<TaskRejectionRecord>(rejection =>
        {
            rejection.ToTable(TaskRejectionsTable.Name);
            rejection.Property(r => r.TaskId).HasMaxLength(128);
            rejection.HasIndex(r => r.TaskId);
        });

        modelBuilder.Entity<OutboxRecord>(OutboxTable.Configure);
        SchedulesTable.Configure(modelBuilder);

        modelBuilder.UseSnakeCaseNames();
    }
}
