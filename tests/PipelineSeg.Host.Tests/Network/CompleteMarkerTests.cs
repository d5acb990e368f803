using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Tests.Intake;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>The intake takes a folder with the <c>.complete</c> marker at once instead of waiting for its quiet period.</summary>
public sealed class CompleteMarkerTests
{
    [SkippableFact]
    public void A_folder_with_the_marker_is_queued_without_waiting_and_only_once()
    {
        var root = TestPaths.NewTempDirectory("marker");
        try
        {
            var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var tracker = new IntakeTracker(Microsoft.Extensions.Options.Options.Create(new IntakeOptions { SettleTime = TimeSpan.FromMinutes(10) }), clock);
            var watch = new WatchFolderOptions { Path = root, Output = "/out" };
            var plain = Directory.CreateDirectory(Path.Combine(root, "export")).FullName;
            var marked = Directory.CreateDirectory(Path.Combine(root, "dicom-a-0001")).FullName;
            File.WriteAllBytes(Path.Combine(marked, new IntakeOptions().MarkerFile), []);
            tracker.Touch(new IntakeSource(IntakeSourceKind.ExportFolder, plain, root, watch));
            tracker.Touch(new IntakeSource(IntakeSourceKind.ExportFolder, marked, root, watch));
            var queued = Assert.Single(tracker.TakeSettled());
            Assert.Equal(marked, queued.Source.Path);
            Assert.Empty(tracker.TakeSettled());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
