using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>Where inputs arrive: an export folder, or the loose files directly in a watched folder.</summary>
/// <param name="Kind">Export folder or loose files.</param>
/// <param name="Path">The export folder; for loose files the watched folder itself.</param>
/// <param name="WatchRoot">The watched folder (absolute).</param>
/// <param name="Watch">The watched folder's settings (output, pipeline).</param>
internal sealed record IntakeSource(IntakeSourceKind Kind, string Path, string WatchRoot, WatchFolderOptions Watch)
{
    /// <summary>Tracker key: the same path can be both a watched folder (loose files) and, nested, an export.</summary>
    public string Key => $"{Kind}:{Path}";
}
