using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Hosting;

/// <summary>
/// Remembers, per arrived folder, when it last changed and which state was already queued, so a folder is processed
/// once after it settles and again only if new files arrive. Watcher events and rescans both just "touch" folders.
/// </summary>
internal sealed class IntakeTracker(IOptions<IntakeOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, FolderState> _folders = new(StringComparer.Ordinal);

    /// <summary>Folders currently tracked.</summary>
    public int Count => _folders.Count;

    /// <summary>Records a change in <paramref name="folder"/> (an export folder directly under a watched folder).</summary>
    public void Touch(string folder, WatchFolderOptions watch, DateTime? changedUtc = null)
    {
        var when = changedUtc ?? time.GetUtcNow().UtcDateTime;
        _folders.AddOrUpdate(folder, _ => new FolderState(watch, when, null),
            (_, s) => s with { LastChange = when > s.LastChange ? when : s.LastChange });
    }

    /// <summary>Folders that have not changed for the settle time and were not queued in this state; marks them queued.</summary>
    public IReadOnlyList<IntakeJob> TakeSettled()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settle = options.Value.SettleTime;
        var jobs = new List<IntakeJob>();
        foreach (var (folder, state) in _folders)
        {
            if (state.Queued != state.LastChange && now - state.LastChange >= settle
                && _folders.TryUpdate(folder, state with { Queued = state.LastChange }, state))
            {
                jobs.Add(new IntakeJob(folder, state.Watch, state.LastChange));
            }
        }
        return jobs;
    }

    /// <summary>Forgets folders processed and unchanged for longer than <paramref name="retention"/>, or deleted; returns how many.</summary>
    public int Prune(TimeSpan retention)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var (folder, state) in _folders)
        {
            var stale = state.Queued == state.LastChange && now - state.LastChange > retention;
            if ((stale || !Directory.Exists(folder)) && _folders.TryRemove(folder, out _))
            {
                removed++;
            }
        }
        return removed;
    }

    private sealed record FolderState(WatchFolderOptions Watch, DateTime LastChange, DateTime? Queued);
}
