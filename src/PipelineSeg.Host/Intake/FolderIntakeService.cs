using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// Watches the configured folders. FileSystemWatcher events only touch sources in the <see cref="IntakeTracker"/>; a
/// one-second loop queues sources that have settled into the bounded <see cref="IntakeQueue"/>, and a rescan every
/// <see cref="IntakeOptions.RescanInterval"/> catches missed events. This is the only rescan (no separate schedule).
/// </summary>
internal sealed class FolderIntakeService(IOptions<IntakeOptions> options, IntakeTracker tracker, IntakeRescanner rescanner,
    IntakeQueue queue, IntakeNames names, TimeProvider time, ILogger<FolderIntakeService> logger) : BackgroundService
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
                    nextRescan = time.GetUtcNow() + options.Value.RescanInterval;
                }
                foreach (var arrival in tracker.TakeSettled())
                {
                    IntakeLog.Queued(logger, names.Describe(arrival.Source));
                    await queue.EnqueueAsync(arrival, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
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
