using Workers.TaskManager;

namespace Workers.Benchmarks;

internal sealed class BenchHandler(BenchWork work) : ITaskHandler<BenchBody>
{
    public Task HandleAsync(TaskContext<BenchBody> task, CancellationToken cancellationToken) => work.RunAsync(cancellationToken);
}
