using Workers.Domain;
using Workers.Hosting;
using Workers.TaskManager;

return await WorkerProgram.RunAsync("scheduled", args, builder =>
{
    builder.Services.AddPosDomain<PosDbContext>();
    builder.AddTaskManager("scheduled")
        .UseDatabase<PosDbContext>(PosDbContext.Schema);
});
