using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// Remembers, per source, when it last changed and which state was already queued, so a source is processed once
/// after it settles and again only if new files arrive. Watcher events and rescans both just "touch" sources.
/// </summary>
internal sealed class IntakeTracker(IOptions<IntakeOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SourceState> _sources = new(StringComparer.Ordinal);

    /// <summary>Sources currently tracked.</summary>
    public int Count => _sources.Count;

    /// <summary>Records a change in <paramref name="source"/> at <paramref name="changedUtc"/> (now when not given).</summary>
    public void Touch(IntakeSource source, DateTime? changedUtc = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var when = changedUtc ?? time.GetUtcNow().UtcDateTime;
        _sources.AddOrUpdate(source.Key, _ => new SourceState(source, when, null),
            (_, s) => s with { LastChange = when > s.LastChange ? when : s.LastChange });
    }

    /// <summary>
    /// Sources that are ready and were not taken in this state; marks them taken. An export folder is ready when its
    /// marker file (<c>Intake:MarkerFile</c>) is there, or (unless <c>Intake:RequireMarker</c>) when nothing in it
    /// changed for the settle time; loose files when none changed for the settle time. A source that keeps changing
    /// is never ready, so a growing series is not taken in parts.
    /// </summary>
    public IReadOnlyList<IntakeArrival> TakeSettled()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settle = options.Value.SettleTime;
        var arrivals = new List<IntakeArrival>();
        foreach (var (key, state) in _sources)
        {
            if (state.Queued != state.LastChange && IsReady(state.Source, now - state.LastChange >= settle)
                && _sources.TryUpdate(key, state with { Queued = state.LastChange }, state))
            {
                arrivals.Add(new IntakeArrival(state.Source, state.LastChange));
            }
        }
        return arrivals;
    }

    /// <summary>Forgets <paramref name="source"/> (claimed: it left the watched folder).</summary>
    public void Forget(IntakeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _sources.TryRemove(source.Key, out _);
    }

    private bool IsReady(IntakeSource source, bool quiet)
    {
        if (source.Kind == IntakeSourceKind.LooseFiles)
        {
            return quiet;
        }
        var marked = File.Exists(Path.Combine(source.Path, options.Value.MarkerFile));
        return marked || (quiet && !options.Value.RequireMarker);
    }

    /// <summary>Forgets sources processed and unchanged for longer than <paramref name="retention"/>, or deleted; returns how many.</summary>
    public int Prune(TimeSpan retention)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var removed = 0;
        foreach (var (key, state) in _sources)
        {
            var stale = state.Queued == state.LastChange && now - state.LastChange > retention;
            if ((stale || !Directory.Exists(state.Source.Path)) && _sources.TryRemove(key, out _))
            {
                removed++;
            }
        }
        return removed;
    }

    private sealed record SourceState(IntakeSource Source, DateTime LastChange, DateTime? Queued);
}
