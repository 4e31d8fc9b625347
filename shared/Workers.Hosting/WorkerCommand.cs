namespace Workers.Hosting;

/// <summary>
/// A command a worker's executable runs instead of the worker (<c>dotnet Workers.Product.dll demo-data …</c>),
/// with the worker's configured services.
/// </summary>
/// <param name="Name">The first argument that selects it.</param>
/// <param name="Description">One line for the usage message.</param>
/// <param name="RunAsync">Runs it with the host's services and the remaining arguments; returns the exit code.</param>
public sealed record WorkerCommand(string Name, string Description, Func<IServiceProvider, string[], CancellationToken, Task<int>> RunAsync);
