using PipelineSeg.Dicom;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom.Network.Association;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Network.Listener;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Tests.Intake;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>The receiver's hook into the intake: whole series only, handed over at release or after the idle timeout.</summary>
public sealed class InboxSeriesStoreTests : IDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("inbox-store");
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly InboxSeriesStore _store;
    private readonly ListenerSettings _settings;

    public InboxSeriesStoreTests()
    {
        var intake = new IntakeOptions();
        intake.WatchFolders.Add(new WatchFolderOptions { Path = Path.Combine(_root, "in"), Output = Path.Combine(_root, "out") });
        var listener = new DicomListenerOptions { Port = 104, SeriesIdleTimeout = TimeSpan.FromSeconds(30) };
        _settings = new ListenerSettings(Microsoft.Extensions.Options.Options.Create(listener), Microsoft.Extensions.Options.Options.Create(intake));
        _store = new InboxSeriesStore(_settings, _clock, NullLogger<InboxSeriesStore>.Instance);
        _store.ClearStaging();
    }

    [SkippableFact]
    public async Task A_released_association_hands_each_series_over_whole_with_the_complete_marker()
    {
        var association = new AssociationInfo("a1", "MODALITY", "PSEG", null);
        await _store.StoreAsync(association, Instance("1.1", "9.1"), CancellationToken.None);
        await _store.StoreAsync(association, Instance("1.2", "9.1"), CancellationToken.None);
        await _store.StoreAsync(association, Instance("2.1", "9.2"), CancellationToken.None);
        Assert.Empty(Published());

        await _store.AssociationEndedAsync(association, AssociationEnd.Released, CancellationToken.None);
        var series = Published();
        Assert.Equal(2, series.Length);
        Assert.All(series, s => Assert.True(File.Exists(Path.Combine(s, new IntakeOptions().MarkerFile))));
        // The marker names the sender, for the CallingAeTitle routing condition.
        Assert.All(series, s => Assert.Equal("MODALITY", ArrivalMarker.ReadCallingAeTitle(s, new IntakeOptions().MarkerFile)));
        Assert.Equal(["1.1.dcm", "1.2.dcm"], Directory.GetFiles(series[0], "*.dcm").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, _store.Pending);
    }

    [SkippableFact]
    public async Task An_aborted_association_discards_its_series()
    {
        var association = new AssociationInfo("a2", "MODALITY", "PSEG", null);
        await _store.StoreAsync(association, Instance("1.1", "9.1"), CancellationToken.None);
        await _store.AssociationEndedAsync(association, AssociationEnd.Aborted, CancellationToken.None);
        Assert.Empty(Published());
        Assert.Empty(Directory.GetDirectories(_settings.Staging, "dicom-*"));
    }

    [SkippableFact]
    public async Task A_series_idle_for_the_timeout_is_handed_over_while_the_association_stays_open()
    {
        var association = new AssociationInfo("a3", "MODALITY", "PSEG", null);
        await _store.StoreAsync(association, Instance("1.1", "9.1"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(20));
        await _store.StoreAsync(association, Instance("2.1", "9.2"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, _store.PublishIdle());
        var first = Assert.Single(Published());
        Assert.True(File.Exists(Path.Combine(first, "1.1.dcm")));
        Assert.Equal(1, _store.Pending);
    }

    [SkippableFact]
    public void The_staging_folder_is_invisible_to_the_intake()
    {
        var staged = Path.Combine(_settings.Staging, "dicom-x-0001", "1.dcm");
        Assert.Null(FolderScanner.ExportFolderOf(_settings.Inbox, staged));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Published() => [.. Directory.GetDirectories(_settings.Inbox).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal)];

    private ReceivedInstance Instance(string sopInstance, string series)
    {
        var path = Path.Combine(_settings.Staging, "incoming", $".{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        return new ReceivedInstance(path, SopClasses.CtImageStorage, sopInstance, TransferSyntaxes.ExplicitVRLittleEndian, "8.1", series, 3);
    }
}
