using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workers.Build.Builds;
using Workers.Build.Bundles;
using Workers.Build.Pool;

namespace Workers.Build;

// The build worker's own services: the Node process pool (a hosted service registered before the TaskManager's
// consumer, so it starts first and stops last) and what the build handler uses.
internal static class BuildWorkerExtensions
{
    public static IHostApplicationBuilder AddBuildPool(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PoolOptions>().BindConfiguration(PoolOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PoolOptions>, PoolOptionsValidator>();
        services.AddSingleton<IValidateOptions<PoolOptions>, PoolOptionsRules>();
        services.AddOptions<BuildOptions>().BindConfiguration(BuildOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BuildOptions>, BuildOptionsValidator>();

        services.AddSingleton<NodeProcessPool>();
        services.AddHostedService<PoolHost>();
        services.AddScoped<BuildStore>();
        services.AddScoped<SourceCrashStore>();
        services.AddScoped<SourceLoader>();
        services.AddScoped<BundleStore>();
        return builder;
    }
}
