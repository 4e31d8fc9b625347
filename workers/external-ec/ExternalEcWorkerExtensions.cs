using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workers.ExternalEc.ImportOrder;
using Workers.ExternalEc.Ochanoko;
using Workers.ExternalEc.Sync;
using Workers.Fleet;

namespace Workers.ExternalEc;

// The external-ec worker's own services: the Ochanoko client (options validated at start: no endpoint, no
// start), the order import and the EC sync's background drain.
internal static class ExternalEcWorkerExtensions
{
    public static IHostApplicationBuilder AddOchanoko(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OchanokoOptions>().BindConfiguration(OchanokoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OchanokoOptions>, OchanokoOptionsValidator>();
        services.AddSingleton<IValidateOptions<OchanokoOptions>, OchanokoOptionsRules>();
        services.AddOptions<EcSyncOptions>().BindConfiguration(EcSyncOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EcSyncOptions>, EcSyncOptionsValidator>();

        services.AddSingleton<OchanokoShops>();
        services.AddOchanokoClient();
        services.AddScoped<OrderImport>();
        services.AddSingleton(FleetDeclaration.Current);
        services.AddSingleton<EcSyncDrain>();
        services.AddHostedService<EcSyncService>();
        return builder;
    }
}
