using PipelineSeg.Host.Network;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>The listener and delivery settings are validated when <c>serve</c> starts; each error names its setting.</summary>
public sealed class NetworkOptionsTests
{
    [SkippableTheory]
    [InlineData("{\"DicomListener\":{\"Port\":70000}}", "DicomListener:Port 70000")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"AeTitle\":\"MUCH_TOO_LONG_AE_TITLE\"}}", "DicomListener:AeTitle")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"BindAddress\":\"localhost:1\"}}", "DicomListener:BindAddress")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"AllowedSourceAddresses\":[\"10.0.0.0/99\"]}}", "DicomListener:AllowedSourceAddresses:0")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"MaxAssociations\":0}}", "DicomListener:MaxAssociations")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"MaxPduLength\":100}}", "DicomListener:MaxPduLength")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"ArtimTimeout\":\"00:00:00\"}}", "DicomListener:ArtimTimeout")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"Inbox\":\"/elsewhere\"}}", "DicomListener:Inbox '/elsewhere' is not one of Intake:WatchFolders")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"pacs\",\"Type\":\"DicomStore\",\"Address\":\"PACS@host\"}]}}", "Delivery:Destinations:0:Address")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"web\",\"Type\":\"StowRs\",\"Url\":\"ftp://x\"}]}}", "Delivery:Destinations:0:Url")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"a\",\"Type\":\"Folder\"}]}}", "Delivery:Destinations:0:Path")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"a\",\"Type\":\"Folder\",\"Path\":\"/x\"},{\"Name\":\"a\",\"Type\":\"Folder\",\"Path\":\"/y\"}]}}", "Delivery:Destinations:1:Name 'a' is used twice")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"a\",\"Type\":\"Folder\",\"Path\":\"/x\",\"Pipelines\":[\"brain\"]}]}}", "Delivery:Destinations:0:Pipelines 'brain'")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"Tls\":{\"RequireClientCertificate\":false}}}", "DicomListener:Tls: CertificateFile and KeyFile are required")]
    [InlineData("{\"DicomListener\":{\"Port\":11112,\"Tls\":{\"CertificateFile\":\"/nonexistent/c.pem\",\"KeyFile\":\"/nonexistent/k.pem\"}}}", "DicomListener:Tls:CertificateFile/KeyFile cannot be loaded")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"p\",\"Type\":\"DicomStore\",\"Address\":\"P@h:1\",\"Tls\":{\"TrustedCertificatesFile\":\"/nonexistent/ca.pem\"}}]}}", "Delivery:Destinations:0:Tls:TrustedCertificatesFile cannot be loaded")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"p\",\"Type\":\"DicomStore\",\"Address\":\"P@h:1\",\"Tls\":{\"KeyFile\":\"/k.pem\"}}]}}", "Delivery:Destinations:0:Tls: CertificateFile and KeyFile go together")]
    [InlineData("{\"Delivery\":{\"Destinations\":[{\"Name\":\"w\",\"Type\":\"StowRs\",\"Url\":\"https://x\",\"Tls\":{\"RequireClientCertificate\":false}}]}}", "Delivery:Destinations:0:Tls applies to DicomStore destinations only")]
    public async Task Invalid_network_setting_stops_serve_with_exit_code_2_naming_it(string json, string expected)
    {
        var root = TestPaths.NewTempDirectory("net-options");
        var file = Path.Combine(root, "config.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var (code, _, error) = await Cli.CliRun.RunAsync("serve", "--config", file, "--inbox", Path.Combine(root, "in"), "--output", Path.Combine(root, "out"));
            Assert.Equal(2, code);
            Assert.Contains("configuration error", error, StringComparison.Ordinal);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void Quick_start_flags_become_listener_and_destination_settings()
    {
        var overrides = new Dictionary<string, string?>();
        Assert.Null(NetworkQuickStart.Apply(overrides, 11112, "SEGBOX", ["PACS@10.0.0.5:104", "ARCHIVE@[::1]:4242"]));
        Assert.Equal("11112", overrides["DicomListener:Port"]);
        Assert.Equal("SEGBOX", overrides["DicomListener:AeTitle"]);
        Assert.Equal("DicomStore", overrides["Delivery:Destinations:1000:Type"]);
        Assert.Equal("PACS@10.0.0.5:104", overrides["Delivery:Destinations:1000:Address"]);
        Assert.Equal("send-to-2", overrides["Delivery:Destinations:1001:Name"]);
    }

    [SkippableTheory]
    [InlineData(null, "AE", null, "--ae-title names the DICOM listener")]
    [InlineData(0, null, null, "--dicom-port must be between 1 and 65535")]
    [InlineData(104, "BAD\\AE", null, "--ae-title 'BAD\\AE'")]
    [InlineData(null, null, "PACS@host", "--send-to: 'PACS@host' is not AE@host:port")]
    [InlineData(null, null, "@host:104", "--send-to")]
    public void Bad_quick_start_flags_are_usage_errors(int? port, string? ae, string? sendTo, string expected)
    {
        var usage = NetworkQuickStart.Apply(new Dictionary<string, string?>(), port, ae, sendTo is null ? null : [sendTo]);
        Assert.Contains(expected, usage, StringComparison.Ordinal);
    }
}
