using PipelineSeg.Dicom;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Intake.Processing;

/// <summary>
/// Turns a settled arrival into items: an export folder is one item; loose files are grouped by SeriesInstanceUID
/// (header-only reads), one item per series, and files that belong to no readable series form one more item so the
/// batch reports or quarantines them with a reason instead of dropping them silently.
/// </summary>
internal sealed class IntakePlanner(InputIds ids)
{
    /// <summary>The items of <paramref name="arrival"/>.</summary>
    public async Task<IReadOnlyList<IntakeItem>> PlanAsync(IntakeArrival arrival, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var source = arrival.Source;
        if (source.Kind == IntakeSourceKind.ExportFolder)
        {
            return [new IntakeItem(ids.ForExport(source), source, null, arrival.Stamp)];
        }
        var files = FolderScanner.LooseFiles(source.Path);
        if (files.Count == 0)
        {
            return [];
        }
        var scan = await DicomSeriesScanner.ScanFilesAsync(files, new DicomSeriesAssemblyOptions(), cancellationToken).ConfigureAwait(false);
        var items = scan.Series
            .GroupBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
            .Select(g => Item(ids.ForSeries(source, g.Key), source, [.. g.SelectMany(s => s.FilePaths).Distinct(StringComparer.Ordinal)]))
            .ToList();
        var loose = scan.Skipped.Select(s => s.FilePath).ToList();
        if (loose.Count > 0)
        {
            items.Add(Item(ids.ForFiles(source, loose), source, loose));
        }
        return items;
    }

    private static IntakeItem Item(string id, IntakeSource source, IReadOnlyList<string> files) =>
        new(id, source, files, FolderScanner.NewestWrite(files) ?? DateTime.MinValue);
}
