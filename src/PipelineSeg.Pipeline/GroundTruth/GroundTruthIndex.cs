using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Intake;

namespace PipelineSeg.Pipeline.GroundTruth;

/// <summary>
/// DICOM-SEG annotations found in the input, indexed by the image series they reference (annotators export SEGs from
/// PACS next to the images). Unreadable SEGs are reported as rejections.
/// </summary>
public sealed class GroundTruthIndex
{
    private readonly Dictionary<string, DicomSegmentation> _bySeries = new(StringComparer.Ordinal);

    private GroundTruthIndex()
    {
    }

    /// <summary>SEGs that could not be read, with reasons.</summary>
    public IReadOnlyList<IntakeRejection> Rejected { get; private set; } = [];

    /// <summary>Number of usable annotations.</summary>
    public int Count => _bySeries.Count;

    /// <summary>Reads every SEG file of <paramref name="segSeries"/>.</summary>
    public static GroundTruthIndex Build(IEnumerable<DicomSeries> segSeries)
    {
        ArgumentNullException.ThrowIfNull(segSeries);
        var index = new GroundTruthIndex();
        var rejected = new List<IntakeRejection>();
        foreach (var path in segSeries.SelectMany(s => s.FilePaths).Distinct(StringComparer.Ordinal))
        {
            try
            {
                var seg = SegmentationReader.Read(path);
                if (string.IsNullOrEmpty(seg.ReferencedSeriesInstanceUid))
                {
                    rejected.Add(new IntakeRejection(Path.GetFileName(path), $"{path}: DICOM-SEG references no series (Referenced Series Sequence missing)", [path]));
                    continue;
                }
                // A later SEG for the same series wins deterministically (files are visited in path order).
                index._bySeries[seg.ReferencedSeriesInstanceUid] = seg;
            }
            catch (Exception e) when (e is DicomException or IOException or InvalidDataException)
            {
                rejected.Add(new IntakeRejection(Path.GetFileName(path), $"{path}: unreadable DICOM-SEG: {e.Message}", [path]));
            }
        }
        index.Rejected = rejected;
        return index;
    }

    /// <summary>The annotation of <paramref name="seriesInstanceUid"/>, if any.</summary>
    public DicomSegmentation? For(string seriesInstanceUid) => _bySeries.GetValueOrDefault(seriesInstanceUid);
}
