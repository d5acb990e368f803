using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Phantoms.Series;

namespace PipelineSeg.Phantoms.Export;

/// <summary>
/// Writes a phantom's task labels as a BINARY DICOM-SEG referencing its CT series, the way an annotator's ground truth
/// arrives from PACS (segments "liver" and "lesion"; the liver segment covers lesions too, as in organ annotations).
/// </summary>
public static class PhantomGroundTruthWriter
{
    /// <summary>Segment definitions of phantom ground truth, in label order (segment 1 liver, segment 2 lesion).</summary>
    public static IReadOnlyList<SegmentDefinition> Segments { get; } =
    [
        new("liver", CodedConcept.AnatomicalStructure, new CodedConcept("10200004", "SCT", "Liver")),
        new("lesion", CodedConcept.MorphologicallyAlteredStructure, new CodedConcept("300332007", "SCT", "Mass of liver")),
    ];

    /// <summary>Writes <c>labels.seg.dcm</c> into <paramref name="directory"/> for the CT written to <paramref name="ctDirectory"/>.</summary>
    public static async Task<string> WriteAsync(PhantomCase phantom, string ctDirectory, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        var scan = await DicomSeriesScanner.ScanAsync(ctDirectory, cancellationToken).ConfigureAwait(false);
        var series = scan.Volumes.SingleOrDefault()
            ?? throw new InvalidOperationException($"{ctDirectory}: expected exactly one CT volume, found {scan.Series.Count} series");
        var identity = PhantomCtSeries.IdentityOf(phantom.Seed);
        var labels = phantom.Labels;
        var plane = labels.Size.SliceLength;
        var liver = new byte[plane * series.Slices.Count];
        var lesion = new byte[plane * series.Slices.Count];
        for (var k = 0; k < series.Slices.Count; k++)
        {
            // Map each slice of the series (in its own order) back to the phantom slice through its SOP Instance UID.
            var z = SliceIndexOf(identity, series.Slices[k].SopInstanceUid, labels.Depth);
            var source = labels.Slice(z);
            for (var i = 0; i < plane; i++)
            {
                liver[(k * plane) + i] = source[i] != PhantomLabels.Background ? (byte)1 : (byte)0;
                lesion[(k * plane) + i] = source[i] == PhantomLabels.Lesion ? (byte)1 : (byte)0;
            }
        }
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "labels.seg.dcm");
        SegmentationWriter.Write(path, series, Segments, [liver, lesion], new SegmentationWriterOptions
        {
            Algorithm = new SegmentationAlgorithm("PipelineSeg phantom generator", "1"),
            SeriesDescription = "Phantom ground truth",
            SeriesInstanceUid = DeterministicUid.From($"phantom/{phantom.Seed}/ground-truth"),
            ContentLabel = "GROUND_TRUTH",
        });
        return path;
    }

    private static int SliceIndexOf(SyntheticSeriesIdentity identity, string sopInstanceUid, int depth)
    {
        for (var z = 0; z < depth; z++)
        {
            if (identity.SopInstanceUid(z) == sopInstanceUid)
            {
                return z;
            }
        }
        throw new InvalidOperationException($"CT instance {sopInstanceUid} does not belong to phantom {identity.Name}");
    }
}
