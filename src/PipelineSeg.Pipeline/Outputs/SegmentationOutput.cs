using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Plugins.Abstractions;
using AbstractionsConcept = PipelineSeg.Plugins.Abstractions.CodedConcept;
using DicomConcept = PipelineSeg.Dicom.Seg.CodedConcept;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>Writes a label map as a BINARY DICOM-SEG with one segment per foreground class, referencing every source instance.</summary>
public static class SegmentationOutput
{
    /// <summary>
    /// Writes <paramref name="labels"/> (values = class indices, [z][y][x] in series slice order) to <paramref name="path"/>;
    /// a <paramref name="note"/> (the applicability warning) leads the Content Description.
    /// </summary>
    public static SegmentationWriteResult Write(string path, DicomSeries series, Volume<byte> labels, ModelManifest model, string seriesDescription, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        var classes = model.Output.Classes.Where(c => !c.IsBackground).OrderBy(c => c.Index).ToList();
        var segments = classes.Select(Definition).ToList();
        var masks = new ReadOnlyMemory<byte>[classes.Count];
        for (var s = 0; s < classes.Count; s++)
        {
            var value = (byte)classes[s].Index;
            var mask = new byte[labels.Length];
            var src = labels.Array;
            for (var i = 0; i < mask.Length; i++)
            {
                mask[i] = src[i] == value ? (byte)1 : (byte)0;
            }
            masks[s] = mask;
        }
        return SegmentationWriter.Write(path, series, segments, masks, new SegmentationWriterOptions
        {
            Type = SegmentationType.Binary,
            Algorithm = new SegmentationAlgorithm(model.Name, model.Version),
            SeriesDescription = seriesDescription,
            ContentLabel = "PIPELINESEG",
            ContentDescription = ApplicabilityNote.ContentDescription($"{model.Id} {model.Version}", note),
        });
    }

    private static SegmentDefinition Definition(SegmentClass cls)
    {
        var category = cls.Category ?? throw new InvalidOperationException($"class '{cls.Label}' has no Segmented Property Category in the model manifest");
        var type = cls.Type ?? throw new InvalidOperationException($"class '{cls.Label}' has no Segmented Property Type in the model manifest");
        return new SegmentDefinition(cls.Label, Convert(category), Convert(type));
    }

    private static DicomConcept Convert(AbstractionsConcept c) => new(c.Code, c.Scheme, c.Meaning);
}
