namespace PipelineSeg.Dicom.Seg;

/// <summary>Reads DICOM-SEG files (BINARY, FRACTIONAL, LABELMAP; native, RLE or other supported encodings).</summary>
public static class SegmentationReader
{
    /// <summary>Reads and decodes a SEG; throws <see cref="DicomFormatException"/> naming the file when it is not a valid SEG.</summary>
    public static DicomSegmentation Read(string path)
    {
        using var file = DicomFile.Open(path, DicomReadOptions.Full);
        return Read(file);
    }

    /// <summary>Reads a SEG from an open file (the result does not reference the file's buffer).</summary>
    public static DicomSegmentation Read(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        var type = ds.GetString(DicomTags.SegmentationType) ?? string.Empty;
        if (ds.GetString(DicomTags.Modality) != "SEG" && type.Length == 0)
        {
            throw new DicomFormatException("not a segmentation (Modality is not SEG)", file.SourceName, DicomTags.Modality, null);
        }
        var segments = ds.GetSequence(DicomTags.SegmentSequence).Select(item => new SegmentInfo(
            item.GetInt32(DicomTags.SegmentNumber, 0),
            item.GetString(DicomTags.SegmentLabel) ?? string.Empty,
            CodedConcept.FromSequence(item, DicomTags.SegmentedPropertyCategoryCodeSequence),
            CodedConcept.FromSequence(item, DicomTags.SegmentedPropertyTypeCodeSequence),
            item.GetString(DicomTags.SegmentAlgorithmType) ?? string.Empty,
            item.GetString(DicomTags.SegmentAlgorithmName) ?? string.Empty)).ToList();
        if (segments.Count == 0)
        {
            throw new DicomFormatException("SEG has no Segment Sequence", file.SourceName, DicomTags.SegmentSequence, null);
        }

        var pixels = DicomPixelData.Create(file);
        var perFrame = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var isLabelMap = type == "LABELMAP";
        var frames = new List<SegmentationFrame>(pixels.NumberOfFrames);
        for (var f = 0; f < pixels.NumberOfFrames; f++)
        {
            var item = f < perFrame.Count ? perFrame[f] : null;
            var geometry = DicomFrameGeometry.Read(ds, f);
            var segmentNumber = item?.GetFirstItem(DicomTags.SegmentIdentificationSequence)?.GetInt32(DicomTags.ReferencedSegmentNumber, 0)
                                ?? ds.GetFirstItem(DicomTags.SharedFunctionalGroupsSequence)?.GetFirstItem(DicomTags.SegmentIdentificationSequence)
                                    ?.GetInt32(DicomTags.ReferencedSegmentNumber, 0)
                                ?? 0;
            if (!isLabelMap && !segments.Any(s => s.Number == segmentNumber))
            {
                throw new DicomFormatException($"frame {f + 1} references segment {segmentNumber}, which is not in the Segment Sequence",
                    file.SourceName, DicomTags.ReferencedSegmentNumber, null);
            }
            var source = item?.GetFirstItem(DicomTags.DerivationImageSequence)?.GetFirstItem(DicomTags.SourceImageSequence);
            frames.Add(new SegmentationFrame(f, segmentNumber, geometry.Position,
                source?.GetString(DicomTags.ReferencedSOPInstanceUID),
                source is not null && source.TryGetInt32(DicomTags.ReferencedFrameNumber, out var rf) ? rf : null));
        }

        var info = pixels.Info;
        if (info.BitsAllocated is not (1 or 8))
        {
            throw new DicomFormatException($"SEG with Bits Allocated {info.BitsAllocated} is not supported", file.SourceName, DicomTags.BitsAllocated, null);
        }
        var plane = info.Rows * info.Columns;
        if ((long)plane * pixels.NumberOfFrames > Array.MaxLength)
        {
            throw new DicomFormatException($"{pixels.NumberOfFrames} frames of {info.Rows}x{info.Columns} are too many to decode at once",
                file.SourceName, DicomTags.NumberOfFrames, null);
        }
        var values = new byte[(long)plane * pixels.NumberOfFrames];
        var scratch = new byte[pixels.FrameLength + 8];
        for (var f = 0; f < pixels.NumberOfFrames; f++)
        {
            pixels.DecodeFrame(f, scratch);
            if (info.BitsAllocated == 1)
            {
                BitPacking.Unpack(scratch, values.AsSpan(f * plane, plane));
            }
            else
            {
                scratch.AsSpan(0, plane).CopyTo(values.AsSpan(f * plane, plane));
            }
        }
        var first = DicomFrameGeometry.Read(ds, 0);
        var refSeries = ds.GetFirstItem(DicomTags.ReferencedSeriesSequence)?.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty;
        return new DicomSegmentation
        {
            FilePath = file.SourceName,
            SopInstanceUid = ds.GetString(DicomTags.SOPInstanceUID) ?? string.Empty,
            SegmentationType = type,
            MaximumFractionalValue = ds.GetInt32(DicomTags.MaximumFractionalValue, 255),
            Rows = info.Rows,
            Columns = info.Columns,
            Segments = segments,
            Frames = frames,
            RowDirection = first.RowDirection,
            ColumnDirection = first.ColumnDirection,
            RowSpacing = first.RowSpacing,
            ColumnSpacing = first.ColumnSpacing,
            FrameOfReferenceUid = ds.GetString(DicomTags.FrameOfReferenceUID) ?? string.Empty,
            ReferencedSeriesInstanceUid = refSeries,
            Values = values,
        };
    }
}
