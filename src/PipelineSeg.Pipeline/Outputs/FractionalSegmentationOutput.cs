using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// Writes per-class float maps in [0, 1] (class probabilities, or a per-voxel uncertainty) as a FRACTIONAL DICOM-SEG:
/// Segmentation Fractional Type PROBABILITY, 8-bit (Maximum Fractional Value 255), one frame per segment and source
/// slice. The optional second output beside <c>segmentation.dcm</c>; it is read back and checked like the binary one.
/// </summary>
public static class FractionalSegmentationOutput
{
    /// <summary>File name of the per-class probability SEG in a result folder.</summary>
    public const string ProbabilityFileName = "probability.dcm";

    /// <summary>File name of the per-class uncertainty SEG in a result folder.</summary>
    public const string UncertaintyFileName = "uncertainty.dcm";

    /// <summary>
    /// Writes <paramref name="maps"/> (one per non-background class, [z][y][x] in series slice order; NaN counts as 0,
    /// values outside [0, 1] are clamped) to <paramref name="path"/>, one segment per map in the order given.
    /// </summary>
    /// <exception cref="SegmentationReadBackException">The file read back does not hold the quantised maps.</exception>
    public static SegmentationWriteResult Write(string path, DicomSeries series, IReadOnlyList<(SegmentClass Class, Volume<float> Map)> maps,
        ModelManifest model, FractionalSegmentationContent content)
    {
        ArgumentNullException.ThrowIfNull(maps);
        return Write(path, series, [.. maps.Select(m => (m.Class, new Volume<byte>(m.Map.Size, m.Map.Geometry, SegmentationWriter.QuantizeProbabilities(m.Map.Span))))],
            model, content);
    }

    /// <summary>
    /// Writes already quantised <paramref name="maps"/> (fractional value / 255 per voxel, [z][y][x] in series slice order),
    /// so a caller that keeps its maps as bytes never needs a float volume.
    /// </summary>
    /// <exception cref="SegmentationReadBackException">The file read back does not hold the maps.</exception>
    public static SegmentationWriteResult Write(string path, DicomSeries series, IReadOnlyList<(SegmentClass Class, Volume<byte> Map)> maps,
        ModelManifest model, FractionalSegmentationContent content)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(content);
        var colors = SegmentColors.For([.. maps.Select(m => m.Class)]);
        var segments = maps.Select((m, i) => SegmentationOutput.Definition(m.Class, colors[i])).ToList();
        var result = SegmentationWriter.Write(path, series, segments, [.. maps.Select(m => (ReadOnlyMemory<byte>)m.Map.Array)], new SegmentationWriterOptions
        {
            Type = SegmentationType.Fractional,
            Algorithm = new SegmentationAlgorithm(model.Name, model.Version),
            SeriesDescription = content.SeriesDescription,
            SeriesNumber = content.SeriesNumber,
            ContentLabel = content.ContentLabel,
            ContentDescription = ApplicabilityNote.ContentDescription($"{model.Id} {model.Version}", content.Note),
        });
        // Any non-zero fractional value counts as inside when read back, so the maps' support is what must match.
        SegmentationReadBack.Verify(path, series, [.. maps.Select(m => (m.Class.Label, m.Map))]);
        return result;
    }
}
