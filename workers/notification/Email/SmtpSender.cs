using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Workers.Notification.Options;
using Workers.TaskManager;

namespace Workers.Notification.Email;

// Sends mails through a few reused SMTP connections (connect, STARTTLS, AUTH once; then one transaction per mail).
// Returns null when the server accepted a mail, or the server's permanent refusal (a 5xx reply, "550 …") for the
// item to be rejected with. Everything else that stops a mail is an outage of the SMTP service and becomes a
// TransientDependencyException, so the TaskManager holds the message instead of spending a receive on it.
internal sealed class SmtpSender(IOptions<NotificationOptions> options, ILogger<SmtpSender> logger) : IAsyncDisposable
{
    public const string Dependency = "smtp";

    private readonly SmtpOptions _options = options.Value.Smtp;
    private readonly ConcurrentBag<SmtpClient> _idle = [];
    private readonly SemaphoreSlim _slots = new(options.Value.Smtp.MaxConnections);
    private readonly TrustedCertificate _trust = TrustedCertificate.Load(options.Value.Smtp.TrustedCertificate);

    public async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // A kept connection the server has since closed fails at its first command, before the mail was
            // handed over: try once more on a new connection rather than call that an outage.
            if (_idle.TryTake(out var kept))
            {
                try
                {
                    return await SendOnAsync(kept, message, cancellationToken);
                }
                catch (Exception e) when (e is ServiceNotConnectedException or IOException or SmtpProtocolException && !cancellationToken.IsCancellationRequested)
                {
                    Log.SmtpConnectionReplaced(logger, e.Message);
                }
            }

            return await SendOnAsync(await ConnectAsync(cancellationToken), message, cancellationToken);
        }
        catch (Exception e) when (IsOutage(e, cancellationToken))
        {
            throw new TransientDependencyException(Dependency, Describe(e), innerException: e);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            await CloseAsync(client);
        }

        _slots.Dispose();
        _trust.Dispose();
    }

    private async Task<string?> SendOnAsync(SmtpClient client, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(message, cancellationToken);
            _idle.Add(client);
            return null;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // Refusals are rare: a fresh connection for the next mail costs less than trusting this one's state.
            await CloseAsync(client);
            return $"{((int)e.StatusCode).ToString(CultureInfo.InvariantCulture)} {e.Message}";
        }
        catch
        {
            await CloseAsync(client);
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient
        {
            Timeout = (int)_options.Timeout.TotalMilliseconds,
            ServerCertificateValidationCallback = _trust.Validate,
        };
        try
        {
            // STARTTLS is required, never optional: credentials and mails never travel in the clear.
            var security = _options.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
            await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            await CloseAsync(client);
            throw;
        }
    }

    // 4xx replies (SES's "454 Throttling failure"), refused or dropped connections, TLS and AUTH failures (a
    // rotated credential is fixed by an operator, not by the task), and timeouts. A cancellation of the caller's
    // token is shutdown or the task's timeout, not an outage.
    private static bool IsOutage(Exception e, CancellationToken cancellationToken) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"SMTP server answered {(int)command.StatusCode} {command.Message}",
        AuthenticationException => $"SMTP authentication failed: {e.Message}",
        _ => $"SMTP server unreachable: {e.GetType().Name}: {e.Message}",
    };

    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, quick.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or SmtpProtocolException or SmtpCommandException)
        {
            // Closing a connection that is already broken: nothing to do.
        }
        finally
        {
            client.Dispose();
        }
    }
}
