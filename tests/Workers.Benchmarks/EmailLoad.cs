using System.Diagnostics;
using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Workers.Notification.Data;
using Workers.Notification.Email;
using Workers.TaskManager.Persistence;
using Workers.TaskManager.Publishing;
using Workers.Testing;

namespace Workers.Benchmarks;

// sendEmail end to end against the local SMTP stand-in (STARTTLS, AUTH): the notification worker as its own
// process with default settings, one task per mail (as the outbox sends them) over a few FIFO groups, timed from
// the first publish until every task is recorded Succeeded, after a warm-up. The anchor, in the same run: the same
// number of mails sent by a plain MailKit loop on 1 connection and on 4 (the worker's default MaxConnections).
internal sealed class EmailLoad(LocalStack stack)
{
    private const string Assembly = "Workers.Notification.dll";
    private const int Groups = 20;
    private const int WarmUp = 100;

    private static readonly TestMigrations Template = new TestMigrations()
        .With(cs => new NotificationDbContext(TestMigrations.Options<NotificationDbContext>(cs, NotificationDbContext.Schema)));

    public async Task<(double Worker, double Plain1, double Plain4)> RunAsync(int mails)
    {
        var domain = $"@bench-{Guid.NewGuid().ToString("N")[..8]}.test";
        await using var queues = await TestQueues.CreateAsync(stack.Sqs, "bench-mail", visibilityTimeoutSeconds: 120);
        await using var database = await TestDatabase.CreateAsync(stack, Template.Ids, Template.ApplyAsync);
        var environment = WorkerEnvironment.For(database, queues.QueueUrl);
        foreach (var (name, value) in Settings())
        {
            environment[name] = value;
        }

        using var worker = WorkerProcess.Start(Assembly, environment);
        await using var services = BenchPublisher.Create(database, "notification", queues.QueueUrl);
        await using var subscription = await services.GetRequiredService<TaskWatcher>().SubscribeAsync(CancellationToken.None);
        await PublishAndWaitAsync(services, subscription, "warm", WarmUp, domain);
        var clock = Stopwatch.StartNew();
        await PublishAndWaitAsync(services, subscription, "timed", mails, domain);
        var rate = mails / clock.Elapsed.TotalSeconds;
        await worker.StopAsync();

        return (rate, await PlainLoopAsync(mails, 1, domain), await PlainLoopAsync(mails, 4, domain));
    }

    private static IEnumerable<(string Name, string Value)> Settings() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("Notification__", StringComparison.Ordinal))
            .Select(e => ((string)e.Key, (string)e.Value!));

    private static async Task PublishAndWaitAsync(ServiceProvider services, TaskSubscription subscription, string prefix, int mails, string domain)
    {
        var publisher = services.GetRequiredService<ITaskPublisher>();
        var messages = Enumerable.Range(0, mails).Select(i => TaskMessage.Create(
            "sendEmail",
            new SendEmailBody([new EmailItem($"{prefix}{i}{domain}", $"Order {i} received", $"Thank you for order {i}.")]),
            $"store-{i % Groups}")).ToList();
        var ids = new List<string>();
        foreach (var batch in messages.Chunk(10))
        {
            ids.AddRange((await publisher.PublishBatchAsync("notification", batch)).Select(p => p.TaskId));
        }

        foreach (var id in ids)
        {
            await services.WaitForSuccessAsync(subscription, id);
        }
    }

    // The same mails straight through MailKit: connect, STARTTLS, AUTH once per connection, then send in a loop.
    private static async Task<double> PlainLoopAsync(int mails, int connections, string domain)
    {
        var settings = Settings().ToDictionary(s => s.Name, s => s.Value);
        using var trusted = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(settings["Notification__Smtp__TrustedCertificate"]));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            using var client = new SmtpClient
            {
                // The stand-in's own certificate, pinned: this is a measurement loop, not the worker's validation.
                ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || certificate?.GetCertHashString() == trusted.GetCertHashString(),
            };
            await client.ConnectAsync(settings["Notification__Smtp__Host"], int.Parse(settings["Notification__Smtp__Port"], System.Globalization.CultureInfo.InvariantCulture), SecureSocketOptions.StartTls);
            await client.AuthenticateAsync(settings["Notification__Smtp__Username"], settings["Notification__Smtp__Password"]);
            for (var i = c; i < mails; i += connections)
            {
                using var message = new MimeMessage { Subject = $"Order {i} received", Body = new TextPart("plain") { Text = $"Thank you for order {i}." } };
                message.From.Add(MailboxAddress.Parse(settings["Notification__Smtp__From"]));
                message.To.Add(MailboxAddress.Parse($"plain{connections}-{i}{domain}"));
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        }));
        return mails / clock.Elapsed.TotalSeconds;
    }
}
