using Microsoft.EntityFrameworkCore;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Build.Tests.Infrastructure;

// Base of the build worker's tests: the shared part (own queue and database, the real worker as child
// processes, publishing and following tasks) is WorkerProcessTest's; here are build tasks, records and bundles.
// By default the worker's pool runs the fake build server; RealServer tests use workers/build/node.
public abstract class BuildWorkerTest() : WorkerProcessTest("build", "Workers.Build")
{
    // Real builds start Node processes and bundle; more than the product's plain tasks need.
    protected override TimeSpan Patience => TimeSpan.FromSeconds(120);

    protected override TestMigrations Migrations => BuildMigrations.Template;

    // The worker with the fake build server (FakeServer/fake-build-server.mjs), or the real one.
    protected WorkerProcess StartWorker(IReadOnlyDictionary<string, string?>? settings = null, bool realServer = false)
    {
        var pool = new Dictionary<string, string?>
        {
            ["BuildPool__MinProcesses"] = "1",
            ["BuildPool__MaxProcesses"] = "2",
        };
        if (!realServer)
        {
            pool["BuildPool__WorkDirectory"] = Path.Combine(AppContext.BaseDirectory, "FakeServer");
            pool["BuildPool__Script"] = "fake-build-server.mjs";
            pool["BuildPool__RequireNodeModules"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            pool[key] = value;
        }

        return base.StartWorker(pool);
    }

    private protected Task<string> PublishAsync(BuildBody body, string? taskId = null) =>
        PublishAsync(TaskMessage.Create("build", body, groupId: body.BuildId, taskId: taskId));

    // Publishes a build of `source` and waits until its task has finished; returns the task and the record.
    private protected async Task<(TaskProgress Task, BuildRecord Build)> BuildAsync(string source, BuildSettings? options = null, string? buildId = null)
    {
        buildId ??= NewBuildId();
        var taskId = await PublishAsync(new BuildBody(buildId, source, null, options));
        var task = await WaitUntilFinishedAsync(taskId);
        return (task, await RecordAsync(buildId) ?? throw new InvalidOperationException($"Build {buildId} has no record; task: {task.Task.State} {task.Task.LastError}"));
    }

    protected static string NewBuildId() => $"b-{Guid.CreateVersion7():N}";

    private protected async Task<BuildRecord?> RecordAsync(string buildId)
    {
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        return await db.Builds.AsNoTracking().SingleOrDefaultAsync(b => b.BuildId == buildId, Cancellation);
    }

    protected async Task<int> RecordCountAsync()
    {
        await using var db = BuildMigrations.Build(Database.ConnectionString);
        return await db.Builds.CountAsync(Cancellation);
    }

    private protected async Task<string> BundleAsync(BuildRecord record)
    {
        using var response = await Stack.S3.GetObjectAsync(record.BundleBucket, record.BundleKey, Cancellation);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync(Cancellation);
    }
}
