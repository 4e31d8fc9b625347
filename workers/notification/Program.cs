using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("notification", args, builder =>
{
    builder.AddTaskManager("notification");
});
