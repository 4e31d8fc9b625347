using Workers.Notification.Tests.Infrastructure;

namespace Workers.Notification.Tests;

public sealed class StartupTests : NotificationWorkerTest
{
    [Fact]
    public async Task Without_an_SMTP_host_or_a_push_endpoint_the_worker_refuses_to_start_and_says_which_settings_are_missing()
    {
        var worker = StartWorker(new Dictionary<string, string?>
        {
            ["Notification__Smtp__Host"] = "",
            ["Notification__Push__Endpoint"] = "",
        });

        Assert.NotEqual(0, await worker.WaitForExitAsync(Patience));
        Assert.Contains("Notification:Smtp:Host is not set", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Notification:Push:Endpoint is not set", worker.Output, StringComparison.Ordinal);
    }
}
