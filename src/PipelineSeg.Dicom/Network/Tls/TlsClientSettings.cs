using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PipelineSeg.Dicom.Network.Tls;

/// <summary>DICOM TLS for the sender: which server certificates to trust and the certificate to present, if any.</summary>
/// <param name="TrustedServerCertificates">Roots (or the peer's self-signed certificate) the server must chain to; null: the system's.</param>
/// <param name="ClientCertificate">Our certificate with its private key, for peers that require one; null: none.</param>
public sealed record TlsClientSettings(X509Certificate2Collection? TrustedServerCertificates, X509Certificate2? ClientCertificate)
{
    /// <summary>The options of one handshake with <paramref name="host"/> (the name or address the certificate must carry).</summary>
    public SslClientAuthenticationOptions Options(string host) => new()
    {
        TargetHost = host,
        EnabledSslProtocols = TlsServerSettings.Protocols,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        ClientCertificates = ClientCertificate is null ? null : [ClientCertificate],
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            TlsTrust.Accepts(certificate, errors, TrustedServerCertificates, checkName: true),
    };
}
