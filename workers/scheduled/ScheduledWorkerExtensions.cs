using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Workers.Scheduled.Time;

namespace Workers.Scheduled;

// The scheduled worker's own services: the shops' clock, its time zone validated at start.
internal static class ScheduledWorkerExtensions
{
    public static IHostApplicationBuilder AddShopClock(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduledOptions>().BindConfiguration(ScheduledOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScheduledOptions>, ScheduledOptionsValidator>();
        builder.Services.AddSingleton<ShopClock>();
        return builder;
    }
}
