using Microsoft.Extensions.Hosting;
using Workers.Fleet;
using Workers.OutboxTestWorker;
using Workers.TaskManager;

// Worker "test" of the fleet in the file OutboxTest__Fleet names: each "echo" task enqueues one follow-up for
// "follow" in a transaction step. Configuration comes from the environment, as in a container.
var builder = Host.CreateApplicationBuilder(args);
var fleet = FleetDeclaration.Parse(File.ReadAllText(builder.Configuration["OutboxTest:Fleet"]
    ?? throw new InvalidOperationException("Set OutboxTest__Fleet to a fleet declaration file.")));
builder.AddTaskManager(fleet.Worker("test"))
    .AddTask<FollowUpRequest, EnqueueFollowUpHandler>("echo")
    .UseDatabase<EmptyDbContext>("outbox_test");
await builder.Build().RunAsync();
