using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workers.Domain.Ledger;
using Workers.TaskManager.Persistence;

namespace Workers.Domain;

/// <summary>Registers the POS domain in a worker host.</summary>
public static class PosServiceCollectionExtensions
{
    /// <summary>
    /// Lists <see cref="PosDbContext"/> for the <c>migrate</c> command (the pos schema's migrations, whatever
    /// context the worker handles tasks with) and adds a scoped <see cref="StockLedger"/> on
    /// <typeparamref name="TContext"/>, the context the worker's chunk transactions run through
    /// (<c>UseDatabase&lt;TContext&gt;</c>), so the ledger writes inside them.
    /// </summary>
    public static IServiceCollection AddPosDomain<TContext>(this IServiceCollection services)
        where TContext : PosDbContext
    {
        services.AddWorkerDbContext<PosDbContext>(PosDbContext.Schema);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped(sp => new StockLedger(sp.GetRequiredService<TContext>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
