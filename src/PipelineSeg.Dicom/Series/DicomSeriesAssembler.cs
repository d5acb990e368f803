using System.Globalization;

namespace PipelineSeg.Dicom;

/// <summary>
/// Groups instance headers into stacks: by Study/Series UID, then by size and orientation (a series mixing
/// localizers, projections or sizes is split, and single images of such a mix are rejected), then sorts each stack
/// along the plane normal (<see cref="StackBuilder"/>).
/// </summary>
public static class DicomSeriesAssembler
{
    /// <summary>Assembles series from headers read by <see cref="DicomSeriesScanner"/> (or by the caller).</summary>
    public static IReadOnlyList<DicomSeries> Assemble(IReadOnlyList<DicomInstanceHeader> headers, DicomSeriesAssemblyOptions options)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(options);
        var result = new List<DicomSeries>();
        foreach (var group in headers.GroupBy(h => (h.StudyInstanceUid, h.SeriesInstanceUid)))
        {
            var warnings = new List<string>();
            var instances = Deduplicate(group.OrderBy(h => h.FilePath, StringComparer.Ordinal), warnings);
            var images = instances.Where(h => h.Rows > 0 && h.Columns > 0 && !h.IsSegmentation).ToList();
            var others = instances.Where(h => !(h.Rows > 0 && h.Columns > 0 && !h.IsSegmentation)).ToList();
            if (others.Count > 0)
            {
                result.Add(NonImageSeries(others, images.Count > 0 ? 1000 : 0));
            }
            if (images.Count == 0)
            {
                continue;
            }
            var stacks = SplitIntoStacks(images, options);
            for (var i = 0; i < stacks.Count; i++)
            {
                var stackWarnings = new List<string>(warnings);
                var problems = new List<string>();
                if (stacks.Count > 1)
                {
                    stackWarnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"series mixes {stacks.Count} orientations or image sizes; split into separate stacks (this is stack {i + 1})"));
                    if (stacks[i].Count == 1)
                    {
                        problems.Add("single image of a series that mixes orientations or sizes (localizer or projection): not a volume");
                    }
                }
                result.Add(StackBuilder.Build(stacks[i], stacks.Count > 1 ? i + 1 : 0, options, stackWarnings, problems));
            }
        }
        return result
            .OrderBy(s => s.StudyInstanceUid, StringComparer.Ordinal)
            .ThenBy(s => s.SeriesNumber ?? int.MaxValue)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static List<DicomInstanceHeader> Deduplicate(IEnumerable<DicomInstanceHeader> headers, List<string> warnings)
    {
        var seen = new Dictionary<string, DicomInstanceHeader>(StringComparer.Ordinal);
        var kept = new List<DicomInstanceHeader>();
        foreach (var h in headers)
        {
            if (seen.TryGetValue(h.SopInstanceUid, out var first))
            {
                warnings.Add($"'{h.FilePath}' repeats SOP Instance UID of '{first.FilePath}'; ignored");
                continue;
            }
            seen[h.SopInstanceUid] = h;
            kept.Add(h);
        }
        return kept;
    }

    private static List<List<SliceCandidate>> SplitIntoStacks(List<DicomInstanceHeader> images, DicomSeriesAssemblyOptions options)
    {
        var stacks = new List<List<SliceCandidate>>();
        foreach (var h in images)
        {
            for (var f = 0; f < h.NumberOfFrames; f++)
            {
                var geometry = h.Frames[Math.Min(f, h.Frames.Count - 1)];
                var candidate = new SliceCandidate(h, f, geometry);
                var stack = stacks.FirstOrDefault(s => SameStack(s[0], candidate, options.OrientationTolerance));
                if (stack is null)
                {
                    stacks.Add([candidate]);
                }
                else
                {
                    stack.Add(candidate);
                }
            }
        }
        return stacks;
    }

    private static bool SameStack(SliceCandidate a, SliceCandidate b, double tolerance)
    {
        if (a.Header.Rows != b.Header.Rows || a.Header.Columns != b.Header.Columns)
        {
            return false;
        }
        var (ra, ca, rb, cb) = (a.Geometry.RowDirection, a.Geometry.ColumnDirection, b.Geometry.RowDirection, b.Geometry.ColumnDirection);
        if (ra is null || ca is null || rb is null || cb is null)
        {
            return ra is null && rb is null;
        }
        return Close(ra.Value, rb.Value, tolerance) && Close(ca.Value, cb.Value, tolerance);
    }

    private static bool Close(DicomVector3 a, DicomVector3 b, double tolerance) =>
        Math.Abs(a.X - b.X) <= tolerance && Math.Abs(a.Y - b.Y) <= tolerance && Math.Abs(a.Z - b.Z) <= tolerance;

    private static DicomSeries NonImageSeries(List<DicomInstanceHeader> instances, int stackIndex)
    {
        var first = instances[0];
        var what = first.IsSegmentation ? "segmentation (read it with SegmentationReader)" : "instances without image pixels";
        var slices = instances.Select(h => new DicomSlice(h.FilePath, 0, h.SopClassUid, h.SopInstanceUid, null, h.InstanceNumber, h.AcquisitionNumber)).ToList();
        return DicomSeries.Describe(first, stackIndex, slices, instances) with { Problems = [$"not an image stack: {what}"] };
    }
}
