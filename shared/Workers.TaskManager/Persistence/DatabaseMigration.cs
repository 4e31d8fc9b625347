using Microsoft.EntityFrameworkCore;

namespace Workers.TaskManager.Persistence;

/// <summary>A DbContext whose migrations the <c>migrate</c> command applies, in registration order.</summary>
/// <param name="Name">The context's name, for the command's output.</param>
/// <param name="Resolve">Gets the context from a service scope.</param>
public sealed record DatabaseMigration(string Name, Func<IServiceProvider, DbContext> Resolve);
