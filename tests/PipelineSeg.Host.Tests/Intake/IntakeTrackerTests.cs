using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class IntakeTrackerTests
{
    private static readonly WatchFolderOptions Watch = new() { Path = "/in", Output = "/out" };
    private static readonly IntakeSource Export1 = new(IntakeSourceKind.ExportFolder, "/in/export1", "/in", Watch);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly IntakeTracker _tracker;

    public IntakeTrackerTests()
    {
        var options = new IntakeOptions { SettleTime = TimeSpan.FromSeconds(10) };
        _tracker = new IntakeTracker(Microsoft.Extensions.Options.Options.Create(options), _clock);
    }

    [SkippableFact]
    public void A_folder_is_queued_once_after_it_settles()
    {
        _tracker.Touch(Export1);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(_tracker.TakeSettled());

        _clock.Advance(TimeSpan.FromSeconds(6));
        var job = Assert.Single(_tracker.TakeSettled());
        Assert.Same(Export1, job.Source);
        Assert.Empty(_tracker.TakeSettled());
    }

    [SkippableFact]
    public void Files_still_arriving_postpone_the_job()
    {
        _tracker.Touch(Export1);
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(8));
            _tracker.Touch(Export1);
            Assert.Empty(_tracker.TakeSettled());
        }
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(_tracker.TakeSettled());
    }

    [SkippableFact]
    public void New_files_after_processing_queue_the_folder_again()
    {
        _tracker.Touch(Export1);
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Single(_tracker.TakeSettled());

        _tracker.Touch(Export1);
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Single(_tracker.TakeSettled());
    }

    [SkippableFact]
    public void A_rescan_with_an_older_time_does_not_requeue_a_processed_folder()
    {
        var written = _clock.GetUtcNow().UtcDateTime;
        _tracker.Touch(Export1, written);
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Single(_tracker.TakeSettled());

        _tracker.Touch(Export1, written);
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Empty(_tracker.TakeSettled());
    }

    [SkippableFact]
    public void Loose_files_and_an_export_of_the_same_watched_folder_are_tracked_apart()
    {
        _tracker.Touch(Export1);
        _tracker.Touch(new IntakeSource(IntakeSourceKind.LooseFiles, "/in", "/in", Watch));
        _clock.Advance(TimeSpan.FromSeconds(11));
        var kinds = _tracker.TakeSettled().Select(a => a.Source.Kind).Order().ToList();
        Assert.Equal([IntakeSourceKind.ExportFolder, IntakeSourceKind.LooseFiles], kinds);
    }

    [SkippableFact]
    public void Housekeeping_forgets_processed_folders_past_retention()
    {
        var dir = TestPaths.NewTempDirectory("tracker");
        try
        {
            _tracker.Touch(new IntakeSource(IntakeSourceKind.ExportFolder, dir, Path.GetDirectoryName(dir)!, Watch));
            _clock.Advance(TimeSpan.FromSeconds(11));
            Assert.Single(_tracker.TakeSettled());
            Assert.Equal(0, _tracker.Prune(TimeSpan.FromHours(1)));
            _clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(1, _tracker.Prune(TimeSpan.FromHours(1)));
            Assert.Equal(0, _tracker.Count);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_marker_file_makes_a_folder_ready_at_once_and_when_required_the_quiet_period_alone_does_not(bool requireMarker)
    {
        var dir = TestPaths.NewTempDirectory("tracker-marker");
        try
        {
            var tracker = new IntakeTracker(Microsoft.Extensions.Options.Options.Create(
                new IntakeOptions { SettleTime = TimeSpan.FromSeconds(10), RequireMarker = requireMarker }), _clock);
            var export = new IntakeSource(IntakeSourceKind.ExportFolder, dir, Path.GetDirectoryName(dir)!, Watch);
            tracker.Touch(export);
            _clock.Advance(TimeSpan.FromSeconds(11));
            Assert.Equal(requireMarker ? 0 : 1, tracker.TakeSettled().Count);

            tracker.Touch(export);
            File.WriteAllText(Path.Combine(dir, ".complete"), string.Empty);
            Assert.Single(tracker.TakeSettled()); // no quiet period: the sender said it is complete
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
