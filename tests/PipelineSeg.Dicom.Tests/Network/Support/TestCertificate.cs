using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PipelineSeg.Dicom.Tests.Network.Support;

/// <summary>
/// A self-signed certificate for 127.0.0.1/localhost made by the test, as PEM files (for dcmtk's +tls and +cf) and as
/// an <see cref="X509Certificate2"/> with its private key (for our SslStream).
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private TestCertificate(string folder, X509Certificate2 certificate)
    {
        Folder = folder;
        Certificate = certificate;
    }

    public string Folder { get; }

    public X509Certificate2 Certificate { get; }

    public string CertificateFile => Path.Combine(Folder, "cert.pem");

    public string KeyFile => Path.Combine(Folder, "key.pem");

    public X509Certificate2Collection Trust => [X509CertificateLoader.LoadCertificate(Certificate.RawData)];

    public static TestCertificate Create(string name)
    {
        var folder = TestPaths.NewTempDirectory("tls-" + name);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), created.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        // Re-imported so the private key is usable by SslStream on every platform.
        return new TestCertificate(folder, X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null));
    }

    public void Dispose()
    {
        Certificate.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
