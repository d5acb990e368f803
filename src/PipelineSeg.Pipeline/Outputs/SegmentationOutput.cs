using PipelineSeg.Dicom;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Plugins.Abstractions;
using AbstractionsConcept = PipelineSeg.Plugins.Abstractions.CodedConcept;
using DicomConcept = PipelineSeg.Dicom.Seg.CodedConcept;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// Writes a label map as a BINARY DICOM-SEG with one segment per foreground class, referencing every source instance.
/// A class's segment includes the classes it contains (liver ⊇ lesion): overlapping segments, which BINARY SEG allows.
/// </summary>
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
        var classMasks = DicomVolumeAdapter.ClassMasks(labels, model.Output.Classes);
        var segments = classMasks.Select(m => Definition(m.Class)).ToList();
        var masks = classMasks.Select(m => (ReadOnlyMemory<byte>)m.Mask.Array).ToList();
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
