using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Host.Cli.Inspection;

/// <summary>Describes a SEG series from its headers (or, when deep, from a full decode with the SEG reader).</summary>
internal static class SegmentationHeaders
{
    /// <summary>The description, plus each file that could not be read with its reason.</summary>
    public static (InspectedSegmentation? Segmentation, IReadOnlyList<DicomSkippedFile> Broken) Describe(DicomSeries series, bool deep)
    {
        var segments = new SortedDictionary<int, string>();
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        var broken = new List<DicomSkippedFile>();
        var frames = 0;
        var type = string.Empty;
        foreach (var path in series.FilePaths)
        {
            try
            {
                using var file = DicomFile.Open(path, deep ? DicomReadOptions.Full : DicomReadOptions.HeaderOnly);
                var ds = file.Dataset;
                if (deep)
                {
                    var seg = SegmentationReader.Read(file);
                    frames += seg.Frames.Count;
                }
                else
                {
                    frames += ds.GetInt32(DicomTags.NumberOfFrames, 1);
                }
                type = ds.GetString(DicomTags.SegmentationType) ?? type;
                foreach (var item in ds.GetSequence(DicomTags.SegmentSequence))
                {
                    segments[item.GetInt32(DicomTags.SegmentNumber, 0)] = item.GetString(DicomTags.SegmentLabel) ?? string.Empty;
                }
                foreach (var item in ds.GetSequence(DicomTags.ReferencedSeriesSequence))
                {
                    if (item.GetString(DicomTags.SeriesInstanceUID) is { Length: > 0 } uid)
                    {
                        referenced.Add(uid);
                    }
                }
            }
            catch (Exception e) when (e is DicomException or IOException or UnauthorizedAccessException or ArgumentException or FormatException
                or OverflowException or IndexOutOfRangeException or InvalidOperationException or NotSupportedException)
            {
                broken.Add(new DicomSkippedFile(path, $"cannot read the segmentation: {e.Message}", true));
            }
        }
        var description = broken.Count == series.FilePaths.Count()
            ? null
            : new InspectedSegmentation(type, frames, [.. segments.Select(s => new InspectedSegment(s.Key, s.Value))], [.. referenced]);
        return (description, broken);
    }
}
