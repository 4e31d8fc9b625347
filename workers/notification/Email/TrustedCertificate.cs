using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Workers.Notification.Email;

// The server certificate check: the system's trust store, plus at most one certificate of our own
// (Notification:Smtp:TrustedCertificate, the local stand-in's self-signed one) as an extra trust anchor. The
// host name must match and the chain must build in either case; nothing is ever accepted blindly.
internal sealed class TrustedCertificate : IDisposable
{
    private readonly X509Certificate2? _anchor;

    private TrustedCertificate(X509Certificate2? anchor) => _anchor = anchor;

    public static TrustedCertificate Load(string? path) =>
        new(string.IsNullOrEmpty(path) ? null : X509Certificate2.CreateFromPem(File.ReadAllText(path)));

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (_anchor is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(_anchor);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // a self-signed anchor publishes no CRL
        using var presented = new X509Certificate2(certificate);
        return custom.Build(presented);
    }

    public void Dispose() => _anchor?.Dispose();
}
