using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Hosting;

/// <summary>
/// Watches the configured folders. FileSystemWatcher events only mark folders as changed; a one-second loop queues
/// folders that have settled into the bounded <see cref="IntakeQueue"/>, and a periodic rescan catches missed events.
/// </summary>
internal sealed class FolderIntakeService(IOptions<IntakeOptions> options, IntakeTracker tracker, IntakeRescanner rescanner,
    IntakeQueue queue, TimeProvider time, ILogger<FolderIntakeService> logger) : BackgroundService
{
    private readonly List<FileSystemWatcher> _watchers = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var watch in options.Value.WatchFolders)
        {
            var path = AppPaths.Resolve(watch.Path);
            Directory.CreateDirectory(path);
            var watcher = new FileSystemWatcher(path) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024 };
            FileSystemEventHandler onChange = (_, e) => OnChanged(path, watch, e.FullPath);
            watcher.Created += onChange;
            watcher.Changed += onChange;
            watcher.Renamed += (_, e) => OnChanged(path, watch, e.FullPath);
            watcher.Error += (_, e) => HostLog.WatcherError(logger, path, e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
            HostLog.Watching(logger, path, AppPaths.Resolve(watch.Output));
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
                foreach (var job in tracker.TakeSettled())
                {
                    await queue.EnqueueAsync(job, stoppingToken).ConfigureAwait(false);
                    HostLog.Queued(logger, job.Folder);
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

    private void OnChanged(string watchedFolder, WatchFolderOptions watch, string path)
    {
        if (FolderScanner.ExportFolderOf(watchedFolder, path) is { } folder)
        {
            tracker.Touch(folder, watch);
        }
    }
}
