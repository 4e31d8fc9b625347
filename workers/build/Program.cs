using Workers.Build;
using Workers.Build.Builds;
using Workers.Build.Data;
using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("build", args, builder =>
{
    // Before AddTaskManager: the pool is warm before the first receive and outlives the consumer's drain.
    builder.AddBuildPool();
    builder.AddTaskManager("build")
        .UseDatabase<BuildDbContext>(BuildDbContext.Schema)
        .AddTask<BuildBody, BuildHandler>("build");
});
