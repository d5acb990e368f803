using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Intake.Claims;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// Watches the configured folders: one mechanism, two inputs. FileSystemWatcher events and a full rescan every
/// <see cref="IntakeOptions.RescanInterval"/> (network shares drop events) both only touch sources in the
/// <see cref="IntakeTracker"/>; a one-second loop claims the sources that are ready (quiet period or marker file) by moving
/// them into work/ and queuing their jobs in the durable journal. Nothing is held in memory that a crash could lose:
/// an unclaimed source is still in the inbox, a claimed one is in work/ and the journal.
/// </summary>
internal sealed class FolderIntakeService(IOptions<IntakeOptions> options, IntakeTracker tracker, IntakeRescanner rescanner,
    InboxClaimer claimer, JobRecovery recovery, WatchLayouts layouts, IntakeNames names, TimeProvider time, ILogger<FolderIntakeService> logger) : BackgroundService
{
    private readonly List<FileSystemWatcher> _watchers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var watch in options.Value.WatchFolders)
        {
            var root = AppPaths.Resolve(watch.Path);
            var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024 };
            FileSystemEventHandler onChange = (_, e) => OnChanged(root, watch, e.FullPath);
            watcher.Created += onChange;
            watcher.Changed += onChange;
            watcher.Renamed += (_, e) => OnChanged(root, watch, e.FullPath);
            watcher.Error += (_, e) => IntakeLog.WatcherError(logger, root, e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            IntakeLog.Watching(logger, root, AppPaths.Resolve(watch.Output));
        }
        rescanner.RescanAll();
        var nextRescan = time.GetUtcNow() + options.Value.RescanInterval;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (time.GetUtcNow() >= nextRescan)
                {
                    rescanner.RescanAll();
                    await RecoverClaimsAsync(stoppingToken).ConfigureAwait(false);
                    nextRescan = time.GetUtcNow() + options.Value.RescanInterval;
                }
                foreach (var arrival in tracker.TakeSettled())
                {
                    await ClaimAsync(arrival, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    private async Task ClaimAsync(IntakeArrival arrival, CancellationToken cancellationToken)
    {
        IntakeLog.Claiming(logger, names.Describe(arrival.Source));
        try
        {
            if (await claimer.ClaimAsync(arrival, cancellationToken).ConfigureAwait(false))
            {
                if (arrival.Source.Kind == IntakeSourceKind.ExportFolder)
                {
                    tracker.Forget(arrival.Source);
                }
                return;
            }
            JobLog.ClaimDeferred(logger, "files arrived after the quiet period began");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException or PipelineSeg.Dicom.DicomException)
        {
            // A locked file, a share that dropped out, a busy journal: the source stays (or is rolled back at start) and is claimed later.
            JobLog.ClaimDeferred(logger, e.Message);
        }
        tracker.Touch(arrival.Source);
    }

    // Claims are made on this loop only, so a claim in work/ without a job that has been still for a rescan interval
    // is one whose queuing failed: queue it now rather than at the next start.
    private async Task RecoverClaimsAsync(CancellationToken cancellationToken)
    {
        foreach (var layout in layouts.All)
        {
            try
            {
                await recovery.RecoverClaimsAsync(layout, options.Value.RescanInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException or PipelineSeg.Dicom.DicomException)
            {
                JobLog.ClaimDeferred(logger, e.Message);
            }
        }
    }

    public override void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }
        base.Dispose();
    }

    private void OnChanged(string root, WatchFolderOptions watch, string path)
    {
        if (FolderScanner.SourceOf(root, watch, path) is { } source)
        {
            tracker.Touch(source);
        }
    }
}
