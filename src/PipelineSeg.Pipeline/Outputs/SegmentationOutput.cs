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
/// Writes a label map as a BINARY DICOM-SEG (or, when the pipeline asks, a LABELMAP one) with one segment per foreground
/// class, referencing every source instance.
/// A class's segment includes the classes it contains (liver ⊇ lesion): overlapping segments, which BINARY SEG allows.
/// Every segment carries a Recommended Display CIELab Value (manifest colour or a distinct palette colour), and every
/// written file is read back and checked against the label volume (<see cref="SegmentationReadBack"/>).
/// </summary>
public static class SegmentationOutput
{
    /// <summary>
    /// Writes <paramref name="labels"/> (values = class indices, [z][y][x] in series slice order) to <paramref name="path"/>;
    /// a <paramref name="note"/> (the applicability warning) leads the Content Description.
    /// </summary>
    /// <remarks>
    /// With <see cref="EmptySegmentPolicy.Drop"/> segments without a voxel are left out and named in the result; when every
    /// segment is empty the first one is kept, because a SEG needs at least one.
    /// </remarks>
    /// <exception cref="SegmentationReadBackException">The file read back does not hold the label volume.</exception>
    public static SegmentationOutputResult Write(string path, DicomSeries series, Volume<byte> labels, ModelManifest model, string seriesDescription,
        string? note = null, EmptySegmentPolicy emptySegments = EmptySegmentPolicy.Keep, SegEncoding encoding = SegEncoding.Binary,
        SegmentationCompression compression = SegmentationCompression.None) =>
        Write(path, series, labels, model, seriesDescription, note, emptySegments, masksAsWritten: null, encoding, compression);

    /// <summary>
    /// <paramref name="masksAsWritten"/> is the test seam that stands for a faulty writer: it may alter the masks that go
    /// into the file, while the read-back still compares with the masks that were meant.
    /// </summary>
    internal static SegmentationOutputResult Write(string path, DicomSeries series, Volume<byte> labels, ModelManifest model, string seriesDescription,
        string? note, EmptySegmentPolicy emptySegments, Func<IReadOnlyList<ReadOnlyMemory<byte>>, IReadOnlyList<ReadOnlyMemory<byte>>>? masksAsWritten,
        SegEncoding encoding = SegEncoding.Binary, SegmentationCompression compression = SegmentationCompression.None)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        var allMasks = DicomVolumeAdapter.ClassMasks(labels, model.Output.Classes);
        var kept = Enumerable.Range(0, allMasks.Count).ToList();
        if (emptySegments == EmptySegmentPolicy.Drop)
        {
            var filled = kept.Where(i => allMasks[i].Mask.Span.ContainsAnyExcept((byte)0)).ToList();
            kept = filled.Count > 0 ? filled : [0];
        }
        var dropped = Enumerable.Range(0, allMasks.Count).Except(kept).Select(i => allMasks[i].Class.Label).ToList();
        var classMasks = kept.Select(i => allMasks[i]).ToList();
        // Colours follow the model's classes, not the kept subset, so a class has the same colour in every SEG.
        var allColors = SegmentColors.For([.. allMasks.Select(m => m.Class)]);
        var colors = kept.Select(i => allColors[i]).ToList();
        if (encoding == SegEncoding.LabelMap)
        {
            RefuseOverlaps(classMasks);
        }
        var segments = classMasks.Select((m, i) => Definition(m.Class, colors[i])).ToList();
        IReadOnlyList<ReadOnlyMemory<byte>> masks = classMasks.Select(m => (ReadOnlyMemory<byte>)m.Mask.Array).ToList();
        var result = SegmentationWriter.Write(path, series, segments, masksAsWritten?.Invoke(masks) ?? masks, new SegmentationWriterOptions
        {
            Type = encoding == SegEncoding.LabelMap ? SegmentationType.LabelMap : SegmentationType.Binary,
            Algorithm = new SegmentationAlgorithm(model.Name, model.Version),
            SeriesDescription = seriesDescription,
            ContentLabel = "PIPELINESEG",
            ContentDescription = ApplicabilityNote.ContentDescription($"{model.Id} {model.Version}", note),
            Compression = compression,
        });
        SegmentationReadBack.Verify(path, series, [.. classMasks.Select(m => (m.Class.Label, m.Mask))]);
        return new SegmentationOutputResult(result, dropped);
    }

    /// <summary>Throws <see cref="LabelMapOverlapException"/> for the first pair of segments that share voxels.</summary>
    private static void RefuseOverlaps(IReadOnlyList<(SegmentClass Class, Volume<byte> Mask)> masks)
    {
        for (var a = 0; a < masks.Count; a++)
        {
            for (var b = a + 1; b < masks.Count; b++)
            {
                var first = masks[a].Mask.Span;
                var second = masks[b].Mask.Span;
                long shared = 0;
                for (var i = 0; i < first.Length; i++)
                {
                    if (first[i] != 0 && second[i] != 0)
                    {
                        shared++;
                    }
                }
                if (shared > 0)
                {
                    throw new LabelMapOverlapException(masks[a].Class.Label, masks[b].Class.Label, shared);
                }
            }
        }
    }

    /// <summary>The SEG segment of a manifest class, with its display colour.</summary>
    internal static SegmentDefinition Definition(SegmentClass cls, (byte R, byte G, byte B) color)
    {
        var category = cls.Category ?? throw new InvalidOperationException($"class '{cls.Label}' has no Segmented Property Category in the model manifest");
        var type = cls.Type ?? throw new InvalidOperationException($"class '{cls.Label}' has no Segmented Property Type in the model manifest");
        return new SegmentDefinition(cls.Label, Convert(category), Convert(type))
        {
            RecommendedDisplayCieLab = CieLabColor.ToDicom(color.R, color.G, color.B),
        };
    }

    private static DicomConcept Convert(AbstractionsConcept c) => new(c.Code, c.Scheme, c.Meaning);
}
