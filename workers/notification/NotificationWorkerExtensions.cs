using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Notification.Email;
using Workers.Notification.Options;
using Workers.Notification.Push;

namespace Workers.Notification;

internal static class NotificationWorkerExtensions
{
    // The settings (validated at start: no endpoint, no start) and the two senders, shared by every message.
    public static IServiceCollection AddNotificationSenders(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .Validate(
                o => string.IsNullOrEmpty(o.Smtp.TrustedCertificate) || File.Exists(o.Smtp.TrustedCertificate),
                "Notification:Smtp:TrustedCertificate names a file that does not exist.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SmtpSender>();
        services.AddSingleton(sp => new PushClient(
            PushClient.CreateHttpClient(sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Push),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
