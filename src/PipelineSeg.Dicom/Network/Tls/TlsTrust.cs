using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace PipelineSeg.Dicom.Network.Tls;

/// <summary>
/// Whether a peer's certificate is trusted: by the system's roots, or, when the configuration names trusted
/// certificates (a hospital CA, or a peer's self-signed certificate), by those alone (PS3.15 B.1: both ends authenticate
/// with certificates the site manages). Revocation is not checked: hospital networks seldom reach a CRL or OCSP server.
/// </summary>
internal static class TlsTrust
{
    public static bool Accepts(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection? roots, bool checkName)
    {
        if (certificate is null)
        {
            return false;
        }
        if (checkName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }
        if (roots is null || roots.Count == 0)
        {
            return (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var peer = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(peer);
    }
}
