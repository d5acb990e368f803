namespace PipelineSeg.Host.Network;

/// <summary>
/// DICOM TLS settings (<c>DicomListener:Tls</c>, <c>Delivery:Destinations:N:Tls</c>): PEM files, read at start-up.
/// The listener needs its certificate and key; a destination needs neither unless the peer asks for a client certificate.
/// </summary>
public sealed class DicomTlsOptions
{
    /// <summary>Our certificate (PEM).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The private key of <see cref="CertificateFile"/> (PEM, unencrypted; keep the file readable by the service only).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Certificates the peer's must chain to (PEM, one or more: the hospital CA or the peer's self-signed one); empty: the system's roots.</summary>
    public string? TrustedCertificatesFile { get; set; }

    /// <summary>Listener only: refuse callers without a trusted certificate (mutual TLS, as PS3.15's secure transport profiles ask).</summary>
    public bool RequireClientCertificate { get; set; } = true;
}
