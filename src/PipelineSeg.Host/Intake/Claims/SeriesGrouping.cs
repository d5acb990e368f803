using PipelineSeg.Dicom;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>
/// Splits a claimed input into jobs, one per image series. A DICOM-SEG (ground truth) goes with the image series of
/// its frame of reference; with a single image series every other file stays with it, so a corrupt slice fails its own
/// series. With several image series, files that belong to none form one more group (reported, never dropped).
/// </summary>
internal static class SeriesGrouping
{
    /// <summary>
    /// The groups of a header scan of <paramref name="files"/>; deterministic (ordered by UID). The readiness marker
    /// (<paramref name="markerFile"/>) goes with the first group: it is part of the delivery, not an input of its own.
    /// </summary>
    public static IReadOnlyList<SeriesGroup> Group(DicomScanResult scan, IReadOnlyList<string> files, string markerFile)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(files);
        var images = scan.Series.Where(s => !IsSegmentation(s)).GroupBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (images.Count <= 1)
        {
            var uids = scan.Series.Select(s => s.SeriesInstanceUid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return [new SeriesGroup(images.Count == 1 ? [images[0].Key] : uids, files)];
        }
        var groups = images.Select(g => (Uids: new List<string> { g.Key }, Frame: g.First().FrameOfReferenceUid,
            Files: new List<string>(g.SelectMany(s => s.FilePaths)))).ToList();
        var claimed = new HashSet<string>(groups.SelectMany(g => g.Files), StringComparer.Ordinal);
        foreach (var seg in scan.Series.Where(IsSegmentation))
        {
            var home = groups.FindIndex(g => g.Frame.Length > 0 && string.Equals(g.Frame, seg.FrameOfReferenceUid, StringComparison.Ordinal));
            if (home >= 0)
            {
                groups[home].Uids.Add(seg.SeriesInstanceUid);
                groups[home].Files.AddRange(seg.FilePaths);
                claimed.UnionWith(seg.FilePaths);
            }
        }
        var markers = files.Where(f => string.Equals(Path.GetFileName(f), markerFile, StringComparison.Ordinal)).ToList();
        groups[0].Files.AddRange(markers);
        claimed.UnionWith(markers);
        var result = groups.Select(g => new SeriesGroup(g.Uids.Distinct(StringComparer.Ordinal).ToList(), g.Files.Distinct(StringComparer.Ordinal).ToList())).ToList();
        var rest = files.Where(f => !claimed.Contains(f)).ToList();
        if (rest.Count > 0)
        {
            result.Add(new SeriesGroup([], rest));
        }
        return result;
    }

    private static bool IsSegmentation(DicomSeries series) => string.Equals(series.Modality, "SEG", StringComparison.OrdinalIgnoreCase);
}
