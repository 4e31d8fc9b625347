using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("external-ec", args, builder =>
{
    builder.AddTaskManager("external-ec");
});
