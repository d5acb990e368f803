using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PipelineSeg.Dicom.Network.Tls;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Network;

/// <summary>Loads the PEM files of <see cref="DicomTlsOptions"/>; <see cref="Problems"/> is what start-up validation reports.</summary>
internal static class DicomTlsFiles
{
    /// <summary>What is wrong with <paramref name="tls"/> at <paramref name="setting"/>; <paramref name="needsCertificate"/> for the listener.</summary>
    public static IEnumerable<string> Problems(DicomTlsOptions tls, string setting, bool needsCertificate)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (needsCertificate && (string.IsNullOrWhiteSpace(tls.CertificateFile) || string.IsNullOrWhiteSpace(tls.KeyFile)))
        {
            yield return $"{setting}: CertificateFile and KeyFile are required (PEM) to accept TLS connections";
        }
        else if (string.IsNullOrWhiteSpace(tls.CertificateFile) != string.IsNullOrWhiteSpace(tls.KeyFile))
        {
            yield return $"{setting}: CertificateFile and KeyFile go together";
        }
        else if (!string.IsNullOrWhiteSpace(tls.CertificateFile) && Error(() => Certificate(tls)!.Dispose()) is { } certificate)
        {
            yield return $"{setting}:CertificateFile/KeyFile cannot be loaded: {certificate}";
        }
        if (!string.IsNullOrWhiteSpace(tls.TrustedCertificatesFile) && Error(() => Trusted(tls)) is { } trusted)
        {
            yield return $"{setting}:TrustedCertificatesFile cannot be loaded: {trusted}";
        }
    }

    /// <summary>The listener's settings (validated options).</summary>
    public static TlsServerSettings Server(DicomTlsOptions tls) => new(Certificate(tls)!, tls.RequireClientCertificate, Trusted(tls));

    /// <summary>A destination's settings (validated options).</summary>
    public static TlsClientSettings Client(DicomTlsOptions tls) => new(Trusted(tls), Certificate(tls));

    private static X509Certificate2? Certificate(DicomTlsOptions tls)
    {
        if (string.IsNullOrWhiteSpace(tls.CertificateFile) || string.IsNullOrWhiteSpace(tls.KeyFile))
        {
            return null;
        }
        using var pem = X509Certificate2.CreateFromPemFile(AppPaths.Resolve(tls.CertificateFile), AppPaths.Resolve(tls.KeyFile));
        // Re-imported so the private key is usable by SslStream on every platform (Windows refuses ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2Collection? Trusted(DicomTlsOptions tls)
    {
        if (string.IsNullOrWhiteSpace(tls.TrustedCertificatesFile))
        {
            return null;
        }
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(AppPaths.Resolve(tls.TrustedCertificatesFile));
        return collection.Count > 0 ? collection : throw new CryptographicException("no certificate in the file");
    }

    private static string? Error(Action load)
    {
        try
        {
            load();
            return null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return e.Message;
        }
    }
}
