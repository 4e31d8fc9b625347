using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workers.Fleet;
using Workers.TaskManager;
using Workers.TaskManager.Persistence;
using Workers.Testing;

namespace Workers.Benchmarks;

// What a benchmark needs beside a worker process: the TaskManager's publisher pointed at the benchmark's queue,
// and the task store's notifications to learn, without polling, when a task has finished.
internal static class BenchPublisher
{
    public static ServiceProvider Create(TestDatabase database, string worker, string queueUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Workers"] = database.ConnectionString,
            [$"Fleet:QueueUrls:{worker}"] = queueUrl,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddTaskPublisher(FleetDeclaration.Current, "benchmarks")
            .BuildServiceProvider();
    }

    // Returns when the task is recorded Succeeded; throws if it was dead-lettered.
    public static async Task WaitForSuccessAsync(this IServiceProvider services, TaskSubscription subscription, string taskId)
    {
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var progress = await scope.ServiceProvider.GetRequiredService<TaskProgressReader>().GetAsync(taskId);
                if (progress?.Task.State == TaskState.Succeeded)
                {
                    return;
                }

                if (progress?.Task.State == TaskState.DeadLettered)
                {
                    throw new InvalidOperationException($"Task {taskId} was dead-lettered: {progress.Task.LastError}");
                }
            }

            await subscription.WaitAsync(taskId, TimeSpan.FromSeconds(5), CancellationToken.None);
        }
    }
}
