using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace PipelineSeg.Dicom.Network.Tls;

/// <summary>DICOM TLS for the receiver: its certificate (with private key) and whether callers must present one.</summary>
/// <param name="Certificate">The listener's certificate with its private key.</param>
/// <param name="RequireClientCertificate">Refuse callers without a trusted certificate (mutual TLS).</param>
/// <param name="TrustedClientCertificates">Roots (or self-signed peer certificates) client certificates must chain to; null: the system's.</param>
public sealed record TlsServerSettings(X509Certificate2 Certificate, bool RequireClientCertificate, X509Certificate2Collection? TrustedClientCertificates)
{
    /// <summary>TLS 1.2 and 1.3 only (BCP 195, the DICOM TLS profiles' floor).</summary>
    public const SslProtocols Protocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>The options of one handshake.</summary>
    public SslServerAuthenticationOptions Options() => new()
    {
        ServerCertificate = Certificate,
        ClientCertificateRequired = RequireClientCertificate,
        EnabledSslProtocols = Protocols,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            certificate is null ? !RequireClientCertificate : TlsTrust.Accepts(certificate, errors, TrustedClientCertificates, checkName: false),
    };
}
