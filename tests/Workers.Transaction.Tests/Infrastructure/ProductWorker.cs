using System.Reflection;
using System.Text.Json;
using Workers.TaskManager;
using Workers.Testing;

namespace Workers.Transaction.Tests.Infrastructure;

// The real product worker (its own build, as a child process) on a queue of its own and the test's database:
// the other writer of the stock levels createTransaction takes (updateStock, stockProduct). Its tasks are sent as
// the envelopes the TaskManager's publisher writes, each with its own task id (so SQS content deduplication keeps
// every one), since the test's publisher only knows the transaction worker's queue.
internal sealed class ProductWorker : IAsyncDisposable
{
    private readonly TestQueues _queues;
    private readonly WorkerProcess _process;

    private ProductWorker(TestQueues queues, WorkerProcess process) => (_queues, _process) = (queues, process);

    // <environment>: the transaction worker's environment (database, logging); the queue and health file are set here.
    public static async Task<ProductWorker> StartAsync(LocalStack stack, IReadOnlyDictionary<string, string?> environment, string tempDirectory)
    {
        var queues = await TestQueues.CreateAsync(stack.Sqs, "txproduct", fifo: true, visibilityTimeoutSeconds: 30);
        var settings = new Dictionary<string, string?>(environment)
        {
            ["TaskManager__QueueUrl"] = queues.QueueUrl,
            ["Health__FilePath"] = Path.Combine(tempDirectory, "health-product.json"),
        };
        return new ProductWorker(queues, WorkerProcess.Start("product", Dll(), settings));
    }

    // Sends task <type> with <body> in FIFO group <group>; returns its task id.
    public async Task<string> SendAsync(string type, object body, string group)
    {
        var taskId = Guid.NewGuid().ToString();
        var envelope = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["taskId"] = taskId,
            ["type"] = type,
            ["body"] = JsonSerializer.SerializeToElement(body, TaskJson.Options),
            ["publishedAt"] = DateTimeOffset.UtcNow,
        });
        await _queues.SendRawAsync(envelope, group);
        return taskId;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        await _queues.DisposeAsync();
    }

    // workers/product/bin/<Configuration>/net10.0/Workers.Product.dll, built with the tests (the test project
    // references the worker's project for the build order only).
    private static string Dll()
    {
        var configuration = typeof(ProductWorker).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepositoryRoot.Path, "workers", "product", "bin", configuration, "net10.0", "Workers.Product.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The product worker is not built for {configuration}.", dll);
    }
}
