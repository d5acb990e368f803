using System.Globalization;
using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Dicom.Network.Tls;
using PipelineSeg.Dicom.Tests.Network.Support;
using PipelineSeg.Testing.Network;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>DICOM TLS (SslStream) on our listener and sender, against dcmtk's echoscu/storescu/storescp +tls, with certificates the test makes.</summary>
public sealed class TlsTests
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Echoscu_and_storescu_over_TLS_with_a_client_certificate_reach_our_listener()
    {
        using var server = TestCertificate.Create("listener");
        using var client = TestCertificate.Create("modality");
        await using var scp = ScpFixture.Start(s => s with { Tls = new TlsServerSettings(server.Certificate, RequireClientCertificate: true, client.Trust) });
        string[] tls = ["+tls", client.KeyFile, client.CertificateFile, "+cf", server.CertificateFile];

        var echo = ExternalTool.Run("echoscu", [.. tls, "-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.True(echo.ExitCode == 0, echo.StandardError + scp.Logger.Text);

        var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"), "*.dcm").Order(StringComparer.Ordinal).Take(3).ToArray();
        var store = ExternalTool.Run("storescu", [.. tls, "-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp), .. files], ToolTimeout);
        Assert.True(store.ExitCode == 0, store.StandardError + scp.Logger.Text);
        await scp.Logger.WaitForAsync("3 instance(s) stored");
        Assert.Equal(files.Length, scp.Handler.Stored.Count);
    }

    [SkippableFact]
    public async Task A_plain_caller_or_one_without_a_trusted_certificate_is_refused_and_the_listener_keeps_serving()
    {
        using var server = TestCertificate.Create("listener");
        using var trusted = TestCertificate.Create("modality");
        using var stranger = TestCertificate.Create("stranger");
        await using var scp = ScpFixture.Start(s => s with { Tls = new TlsServerSettings(server.Certificate, RequireClientCertificate: true, trusted.Trust) });

        var plain = ExternalTool.Run("echoscu", ["-to", "5", "-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.NotEqual(0, plain.ExitCode);
        await scp.Logger.WaitForAsync("TLS handshake failed");

        var untrusted = ExternalTool.Run("echoscu", ["+tls", stranger.KeyFile, stranger.CertificateFile, "+cf", server.CertificateFile,
            "-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.NotEqual(0, untrusted.ExitCode);
        Assert.Empty(scp.Handler.Ends);

        var good = ExternalTool.Run("echoscu", ["+tls", trusted.KeyFile, trusted.CertificateFile, "+cf", server.CertificateFile,
            "-aet", "MODALITY", "-aec", ScpFixture.AeTitle, "127.0.0.1", Port(scp)], ToolTimeout);
        Assert.True(good.ExitCode == 0, good.StandardError + scp.Logger.Text);
    }

    [SkippableFact]
    public async Task Our_sender_stores_over_TLS_to_storescp_and_refuses_a_server_it_does_not_trust()
    {
        using var server = TestCertificate.Create("storescp");
        using var other = TestCertificate.Create("other");
        var (process, port, received) = await StoreScp.StartAsync("+tls", server.KeyFile, server.CertificateFile, "-ic");
        using (process)
        {
            var peer = new DicomPeer(StoreScp.AeTitle, "127.0.0.1", port);
            var source = Part10Source.Open(Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0002", "ct"), "*.dcm").Order(StringComparer.Ordinal).First());
            var settings = new DicomScuSettings { CallingAeTitle = "PSEG_TLS", NetworkTimeout = TimeSpan.FromSeconds(30), Tls = new TlsClientSettings(server.Trust, null) };
            await using (var association = await ScuAssociation.OpenAsync(peer, settings, StoreContexts.For([source]), CancellationToken.None))
            {
                Assert.Equal(DimseStatus.Success, await association.StoreAsync(source, CancellationToken.None));
                await association.ReleaseAsync(CancellationToken.None);
            }
            Assert.True(Directory.GetFiles(received, "*", SearchOption.AllDirectories).Length == 1, process.Output);

            var wrongTrust = settings with { Tls = new TlsClientSettings(other.Trust, null) };
            var refused = await Assert.ThrowsAsync<DicomNetworkException>(() => ScuAssociation.OpenAsync(peer, wrongTrust, StoreContexts.For([source]), CancellationToken.None));
            Assert.Contains("TLS handshake", refused.Message, StringComparison.Ordinal);
        }
    }

    private static string Port(ScpFixture scp) => scp.Port.ToString(CultureInfo.InvariantCulture);
}
