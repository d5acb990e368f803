namespace PipelineSeg.Pipeline.Batch;

/// <summary>
/// How far a run over several series has got (batch, convert): series and slices done of those planned, and the
/// series being worked on. Reported after the plan is known and after each series.
/// </summary>
/// <param name="SeriesDone">Series finished (succeeded or failed).</param>
/// <param name="SeriesTotal">Series planned.</param>
/// <param name="SlicesDone">Slices of the finished series.</param>
/// <param name="SlicesTotal">Slices of all planned series.</param>
/// <param name="Current">Key of the series in progress (a UID, never a folder name); null when none.</param>
public sealed record WorkProgress(int SeriesDone, int SeriesTotal, long SlicesDone, long SlicesTotal, string? Current);
