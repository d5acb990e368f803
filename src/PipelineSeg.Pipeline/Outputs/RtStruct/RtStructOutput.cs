using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Rt;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Contours;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;
using AbstractionsConcept = PipelineSeg.Plugins.Abstractions.CodedConcept;
using DicomConcept = PipelineSeg.Dicom.Seg.CodedConcept;

namespace PipelineSeg.Pipeline.Outputs.RtStruct;

/// <summary>
/// Writes a label map as an RT Structure Set: one ROI per foreground class (the class plus the classes it contains, as in
/// the SEG), named and coloured as in the SEG, coded with the manifest's SNOMED CT type; on every slice the mask is traced
/// along pixel edges into closed planar contours — outer boundaries and holes as separate contours that combine by the
/// even-odd rule (docs/outputs.md). The written file is read back and rasterised (<see cref="RtStructReadBack"/>).
/// </summary>
public static class RtStructOutput
{
    /// <summary>SCT 123037004 Anatomical Structure: ROIs of this category are organs (RT ROI Interpreted Type ORGAN).</summary>
    private const string AnatomicalStructure = "123037004";

    /// <summary>Writes <paramref name="labels"/> (class indices, [z][y][x] in series slice order) to <paramref name="path"/>.</summary>
    /// <exception cref="SegmentationReadBackException">The file read back does not hold the label volume.</exception>
    public static RtStructureSetWriteResult Write(string path, DicomSeries series, Volume<byte> labels, ModelManifest model,
        RtStructureSetWriterOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        var planes = new SlicePlanes(series);
        var masks = DicomVolumeAdapter.ClassMasks(labels, model.Output.Classes);
        var colors = SegmentColors.For([.. masks.Select(m => m.Class)]);
        var rois = masks.Select((m, i) => Roi(m.Class, colors[i], m.Mask, planes, cancellationToken)).ToList();
        var result = RtStructureSetWriter.Write(path, series, rois, options);
        RtStructReadBack.Verify(path, series, [.. masks.Select(m => (m.Class.Label, m.Mask))]);
        return result;
    }

    /// <summary>The ROI of one class mask: its contours on every slice that holds any of it.</summary>
    internal static RtRoi Roi(SegmentClass cls, (byte R, byte G, byte B) color, Volume<byte> mask, SlicePlanes planes, CancellationToken cancellationToken)
    {
        var type = cls.Type ?? throw new InvalidOperationException($"class '{cls.Label}' has no Segmented Property Type in the model manifest");
        var perSlice = new List<RtContour>[mask.Depth];
        Parallel.For(0, mask.Depth, new ParallelOptions { CancellationToken = cancellationToken }, z =>
        {
            var slice = mask.Array.AsSpan(z * mask.Width * mask.Height, mask.Width * mask.Height);
            perSlice[z] = [.. MaskContourTracer.Trace(slice, mask.Width, mask.Height).Select(c => ToPatient(c, z, planes))];
        });
        return new RtRoi(cls.Label, Convert(type), color, [.. perSlice.SelectMany(c => c)])
        {
            InterpretedType = cls.Category?.Code == AnatomicalStructure ? "ORGAN" : string.Empty,
        };
    }

    private static RtContour ToPatient(PlanarContour contour, int z, SlicePlanes planes)
    {
        var points = new double[contour.Count * 3];
        for (var i = 0; i < contour.Count; i++)
        {
            var p = planes.ToPatient(contour.Points[2 * i], contour.Points[(2 * i) + 1], z);
            (points[3 * i], points[(3 * i) + 1], points[(3 * i) + 2]) = (p.X, p.Y, p.Z);
        }
        return new RtContour(z, points);
    }

    private static DicomConcept Convert(AbstractionsConcept c) => new(c.Code, c.Scheme, c.Meaning);
}
