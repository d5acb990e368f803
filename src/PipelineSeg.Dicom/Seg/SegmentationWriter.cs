using PipelineSeg.Dicom.Codecs.Rle;

namespace PipelineSeg.Dicom.Seg;

/// <summary>
/// Writes DICOM-SEG (Segmentation Storage) objects for a source series: one frame per segment and source slice
/// (dimension organisation: segment number, then position), each frame referencing the exact source instance.
/// </summary>
public static class SegmentationWriter
{
    /// <summary>
    /// Writes a SEG to <paramref name="outputPath"/>. <paramref name="masks"/>[s] holds segment s+1 as
    /// Slices × Rows × Columns bytes in the series' slice order: nonzero = inside for BINARY and LABELMAP (which refuses
    /// overlapping segments), 0..255 probability×255 for FRACTIONAL. Patient/study attributes are copied from the first
    /// source file.
    /// </summary>
    public static SegmentationWriteResult Write(string outputPath, DicomSeries source, IReadOnlyList<SegmentDefinition> segments,
        IReadOnlyList<ReadOnlyMemory<byte>> masks, SegmentationWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Compression == SegmentationCompression.Rle && options.Type == SegmentationType.Binary)
        {
            throw new NotSupportedException("RLE Lossless is not written for a BINARY SEG (1-bit frames); use deflate or no compression");
        }
        var dataset = Build(source, segments, masks, options);
        var transferSyntax = options.Compression switch
        {
            SegmentationCompression.Rle => TransferSyntaxes.RleLossless,
            SegmentationCompression.Deflate => TransferSyntaxes.DeflatedExplicitVRLittleEndian,
            _ => TransferSyntaxes.ExplicitVRLittleEndian,
        };
        if (options.Compression == SegmentationCompression.Rle)
        {
            dataset.Set(EncodeRleFrames(dataset));
        }
        DicomWriter.WriteFile(outputPath, dataset, transferSyntax);
        return new SegmentationWriteResult(outputPath, dataset.GetString(DicomTags.SOPInstanceUID)!,
            dataset.GetString(DicomTags.SeriesInstanceUID)!, dataset.GetInt32(DicomTags.NumberOfFrames, 0));
    }

    /// <summary>Builds the SEG dataset without writing it.</summary>
    public static DicomDataset Build(DicomSeries source, IReadOnlyList<SegmentDefinition> segments,
        IReadOnlyList<ReadOnlyMemory<byte>> masks, SegmentationWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(masks);
        ArgumentNullException.ThrowIfNull(options);
        if (segments.Count == 0 || segments.Count != masks.Count)
        {
            throw new ArgumentException($"{segments.Count} segment definitions but {masks.Count} masks; need one mask per segment (at least one)");
        }
        if (source.Geometry is null || source.Slices.Count == 0)
        {
            throw new ArgumentException($"series {source.Key} has no geometry; a SEG needs a placed image stack", nameof(source));
        }
        var plane = source.Rows * source.Columns;
        var volume = (long)plane * source.Slices.Count;
        for (var s = 0; s < masks.Count; s++)
        {
            if (masks[s].Length != volume)
            {
                throw new ArgumentException($"mask {s + 1} has {masks[s].Length} values; the series has {source.Slices.Count}×{source.Rows}×{source.Columns} = {volume}");
            }
        }

        if (options.Type == SegmentationType.LabelMap)
        {
            return BuildLabelMap(source, segments, masks, options, plane);
        }
        var frames = new List<(int Segment, int Slice)>();
        for (var s = 0; s < masks.Count; s++)
        {
            for (var z = 0; z < source.Slices.Count; z++)
            {
                if (!options.OmitEmptyFrames || masks[s].Span.Slice(z * plane, plane).ContainsAnyExcept((byte)0))
                {
                    frames.Add((s, z));
                }
            }
        }
        if (frames.Count == 0)
        {
            // A SEG needs at least one frame; keep the first slice of segment 1 even when everything is empty.
            frames.Add((0, 0));
        }

        using var sourceFile = DicomFile.Open(source.Slices[0].FilePath, DicomReadOptions.HeaderOnly);
        var dataset = SegmentationDatasetBuilder.Build(sourceFile.Dataset, source, segments, options, frames);
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, PackPixels(masks, frames, plane, options.Type));
        return dataset;
    }

    /// <summary>One frame per slice holding segment numbers; frame tuples carry segment −1 (no Segment Identification).</summary>
    private static DicomDataset BuildLabelMap(DicomSeries source, IReadOnlyList<SegmentDefinition> segments,
        IReadOnlyList<ReadOnlyMemory<byte>> masks, SegmentationWriterOptions options, int plane)
    {
        if (masks.Count > byte.MaxValue)
        {
            throw new ArgumentException($"{masks.Count} segments; an 8-bit LABELMAP holds at most 255");
        }
        var slices = source.Slices.Count;
        var labels = LabelMapComposer.Compose(segments, masks, plane, slices);
        var frames = new List<(int Segment, int Slice)>();
        for (var z = 0; z < slices; z++)
        {
            if (!options.OmitEmptyFrames || labels.AsSpan(z * plane, plane).ContainsAnyExcept((byte)0))
            {
                frames.Add((-1, z));
            }
        }
        if (frames.Count == 0)
        {
            frames.Add((-1, 0));
        }
        using var sourceFile = DicomFile.Open(source.Slices[0].FilePath, DicomReadOptions.HeaderOnly);
        var dataset = SegmentationDatasetBuilder.Build(sourceFile.Dataset, source, segments, options, frames);
        var bytes = new byte[((long)frames.Count * plane) + (((long)frames.Count * plane) & 1)];
        for (var f = 0; f < frames.Count; f++)
        {
            labels.AsSpan(frames[f].Slice * plane, plane).CopyTo(bytes.AsSpan(f * plane, plane));
        }
        dataset.SetBytes(DicomTags.PixelData, DicomVR.OB, bytes);
        return dataset;
    }

    /// <summary>Re-encodes the native 8-bit Pixel Data of a built SEG as RLE Lossless, one fragment per frame.</summary>
    private static DicomElement EncodeRleFrames(DicomDataset dataset)
    {
        var plane = dataset.GetInt32(DicomTags.Rows, 0) * dataset.GetInt32(DicomTags.Columns, 0);
        var frameCount = dataset.GetInt32(DicomTags.NumberOfFrames, 0);
        var pixels = dataset.Elements.First(e => e.Tag == DicomTags.PixelData).Value;
        var frames = new byte[frameCount][];
        Parallel.For(0, frameCount, f => frames[f] = RleEncoder.EncodeFrame(pixels.Span.Slice(f * plane, plane), 8));
        return EncapsulatedPixelDataWriter.Create(frames);
    }

    /// <summary>Quantises probabilities in [0, 1] to FRACTIONAL values 0..255 (rounded, clamped).</summary>
    public static byte[] QuantizeProbabilities(ReadOnlySpan<float> probabilities)
    {
        var result = new byte[probabilities.Length];
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            result[i] = float.IsNaN(p) ? (byte)0 : (byte)Math.Clamp(MathF.Round(p * 255f), 0f, 255f);
        }
        return result;
    }

    private static byte[] PackPixels(IReadOnlyList<ReadOnlyMemory<byte>> masks, List<(int Segment, int Slice)> frames, int plane,
        SegmentationType type)
    {
        if (type == SegmentationType.Fractional)
        {
            var bytes = new byte[((long)frames.Count * plane) + (((long)frames.Count * plane) & 1)];
            for (var f = 0; f < frames.Count; f++)
            {
                masks[frames[f].Segment].Span.Slice(frames[f].Slice * plane, plane).CopyTo(bytes.AsSpan(f * plane, plane));
            }
            return bytes;
        }
        var bits = (long)frames.Count * plane;
        var length = (bits + 7) / 8;
        var packed = new byte[length + (length & 1)];
        for (var f = 0; f < frames.Count; f++)
        {
            BitPacking.Pack(masks[frames[f].Segment].Span.Slice(frames[f].Slice * plane, plane), packed, (long)f * plane);
        }
        return packed;
    }
}
