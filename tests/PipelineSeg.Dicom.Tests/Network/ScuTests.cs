using PipelineSeg.Dicom.Network.Dimse;
using PipelineSeg.Dicom.Network.Pdus;
using PipelineSeg.Dicom.Network.Scu;
using PipelineSeg.Dicom.Tests.Network.Support;
using PipelineSeg.Testing.Network;

namespace PipelineSeg.Dicom.Tests.Network;

/// <summary>Our C-ECHO/C-STORE SCU against dcmtk's storescp, Orthanc and our own SCP.</summary>
public sealed class ScuTests
{
    private static readonly DicomScuSettings Settings = new() { CallingAeTitle = "PSEG_SCU", NetworkTimeout = TimeSpan.FromSeconds(30) };

    [SkippableFact]
    public async Task Echo_and_store_to_storescp_land_the_files_in_its_folder()
    {
        var (process, port, received) = await StoreScp.StartAsync();
        using (process)
        {
            var peer = new DicomPeer(StoreScp.AeTitle, "127.0.0.1", port);
            var sources = SampleSources();
            await using (var association = await ScuAssociation.OpenAsync(peer, Settings, Contexts(sources), CancellationToken.None))
            {
                Assert.Equal(DimseStatus.Success, await association.EchoAsync(CancellationToken.None));
                foreach (var source in sources)
                {
                    Assert.Equal(DimseStatus.Success, await association.StoreAsync(source, CancellationToken.None));
                }
                await association.ReleaseAsync(CancellationToken.None);
            }
            var files = Directory.GetFiles(received, "*", SearchOption.AllDirectories);
            Assert.True(files.Length == sources.Count, process.Output);
            var dump = ExternalTool.Run("dcmdump", ["+P", "0008,0018", files[0]]);
            Assert.Contains(sources.Select(s => s.SopInstanceUid), uid => dump.StandardOutput.Contains(uid, StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public async Task Store_to_Orthanc_is_visible_through_its_REST_API()
    {
        using var orthanc = await Orthanc.StartAsync();
        var peer = new DicomPeer(Orthanc.AeTitle, "127.0.0.1", orthanc.DicomPort);
        var sources = SampleSources().Take(3).ToList();
        await using (var association = await ScuAssociation.OpenAsync(peer, Settings, Contexts(sources), CancellationToken.None))
        {
            Assert.Equal(DimseStatus.Success, await association.EchoAsync(CancellationToken.None));
            foreach (var source in sources)
            {
                Assert.Equal(DimseStatus.Success, await association.StoreAsync(source, CancellationToken.None));
            }
            await association.ReleaseAsync(CancellationToken.None);
        }
        Assert.Equal(3, (await orthanc.InstancesAsync()).Length);
    }

    [SkippableFact]
    public async Task Orthanc_echoes_our_SCP_by_its_configured_modality()
    {
        await using var scp = ScpFixture.Start();
        using var orthanc = await Orthanc.StartAsync(new Dictionary<string, (string, string, int)> { ["pipelineseg"] = (ScpFixture.AeTitle, "127.0.0.1", scp.Port) });
        using var response = await orthanc.Http.PostAsync("modalities/pipelineseg/echo", new StringContent("{}"));
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{scp.Logger.Text}");
        await scp.Logger.WaitForAsync("ORTHANC -> PSEG_TEST");
    }

    [SkippableFact]
    public async Task A_flood_beyond_the_limit_gets_a_transient_rejection_and_the_open_associations_keep_working()
    {
        await using var scp = ScpFixture.Start(s => s with { MaxAssociations = 2 });
        var peer = new DicomPeer(ScpFixture.AeTitle, "127.0.0.1", scp.Port);
        (string, IReadOnlyList<string>)[] echo = [(DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian])];
        await using var first = await ScuAssociation.OpenAsync(peer, Settings, echo, CancellationToken.None);
        await using var second = await ScuAssociation.OpenAsync(peer, Settings, echo, CancellationToken.None);
        var rejected = await Assert.ThrowsAsync<DicomNetworkException>(() => ScuAssociation.OpenAsync(peer, Settings, echo, CancellationToken.None));
        Assert.True(rejected.IsTransient);
        Assert.Contains("local limit exceeded (transient)", rejected.Message, StringComparison.Ordinal);
        await scp.Logger.WaitForAsync("already open (limit 2)");
        Assert.Equal(DimseStatus.Success, await first.EchoAsync(CancellationToken.None));
        await first.ReleaseAsync(CancellationToken.None);
        await scp.Logger.WaitForAsync("released");
        await using var third = await ScuAssociation.OpenAsync(peer, Settings, echo, CancellationToken.None);
        Assert.Equal(DimseStatus.Success, await third.EchoAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_unknown_abstract_syntax_is_rejected_as_a_context_and_the_rest_is_accepted()
    {
        await using var scp = ScpFixture.Start();
        var peer = new DicomPeer(ScpFixture.AeTitle, "127.0.0.1", scp.Port);
        (string, IReadOnlyList<string>)[] contexts =
        [
            ("1.2.3.4.5.6.7", [TransferSyntaxes.ImplicitVRLittleEndian]),
            (SopClasses.CtImageStorage, ["1.2.3.999"]),
            (DicomUpperLayer.VerificationSopClass, [TransferSyntaxes.ImplicitVRLittleEndian]),
        ];
        await using var association = await ScuAssociation.OpenAsync(peer, Settings, contexts, CancellationToken.None);
        var accepted = Assert.Single(association.AcceptedContexts);
        Assert.Equal(DicomUpperLayer.VerificationSopClass, accepted.AbstractSyntax);
        await association.ReleaseAsync(CancellationToken.None);
    }

    private static List<Part10Source> SampleSources() =>
        [.. Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001", "ct"), "*.dcm").Order(StringComparer.Ordinal).Take(6).Select(Part10Source.Open)];

    private static IReadOnlyList<(string, IReadOnlyList<string>)> Contexts(IEnumerable<Part10Source> sources) => StoreContexts.For(sources);
}
