namespace PipelineSeg.Dicom.Rt;

/// <summary>
/// Writes an RT Structure Set (PS3.3 A.19) for a source series: one ROI per <see cref="RtRoi"/> with its CLOSED_PLANAR
/// contours in patient coordinates, every contour referencing the image it lies on, and the Referenced Frame of
/// Reference / Study / Series listing every source instance. A new series in the source study; patient and study
/// attributes are copied from the first source file.
/// </summary>
public static class RtStructureSetWriter
{
    /// <summary>Writes the structure set to <paramref name="outputPath"/> (Explicit VR Little Endian).</summary>
    public static RtStructureSetWriteResult Write(string outputPath, DicomSeries source, IReadOnlyList<RtRoi> rois, RtStructureSetWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(outputPath);
        var dataset = Build(source, rois, options);
        DicomWriter.WriteFile(outputPath, dataset, TransferSyntaxes.ExplicitVRLittleEndian);
        return new RtStructureSetWriteResult(outputPath, dataset.GetString(DicomTags.SOPInstanceUID)!, dataset.GetString(DicomTags.SeriesInstanceUID)!,
            rois.Sum(r => r.Contours.Count));
    }

    /// <summary>Builds the structure set without writing it.</summary>
    public static DicomDataset Build(DicomSeries source, IReadOnlyList<RtRoi> rois, RtStructureSetWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rois);
        ArgumentNullException.ThrowIfNull(options);
        if (source.Slices.Count == 0)
        {
            throw new ArgumentException($"series {source.Key} has no slices", nameof(source));
        }
        foreach (var contour in rois.SelectMany(r => r.Contours))
        {
            if ((uint)contour.SliceIndex >= (uint)source.Slices.Count || contour.Points.Length < 9 || contour.Points.Length % 3 != 0)
            {
                throw new ArgumentException($"contour on slice {contour.SliceIndex} with {contour.Points.Length} coordinates: needs a slice of the series and at least 3 x, y, z points");
            }
        }
        using var sourceFile = DicomFile.Open(source.Slices[0].FilePath, DicomReadOptions.HeaderOnly);
        var frameOfReference = string.IsNullOrEmpty(source.FrameOfReferenceUid)
            ? sourceFile.Dataset.GetString(DicomTags.FrameOfReferenceUID) ?? string.Empty
            : source.FrameOfReferenceUid;
        if (string.IsNullOrEmpty(frameOfReference))
        {
            // Contours need a frame of reference; a CT without one (3D-IRCADb) gets one derived from its series, so every
            // structure set written for that series names the same frame.
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes($"{source.SeriesInstanceUid}/frame-of-reference"));
            frameOfReference = DicomUid.FromGuid(new Guid(hash.AsSpan(0, 16)));
        }
        var ds = RtStructureSetModules.Header(sourceFile.Dataset, options);
        // Frame of Reference module: the CT's, so the contours' patient coordinates mean the same as the images'.
        ds.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, frameOfReference);
        ds.SetString(DicomTags.PositionReferenceIndicator, DicomVR.LO, sourceFile.Dataset.GetString(DicomTags.PositionReferenceIndicator) ?? string.Empty);
        ds.SetSequence(DicomTags.ReferencedFrameOfReferenceSequence, RtStructureSetModules.FrameOfReference(source, frameOfReference));
        ds.SetSequence(DicomTags.StructureSetROISequence, [.. rois.Select((r, i) => RtStructureSetModules.StructureSetRoi(r, i + 1, frameOfReference, options.Algorithm))]);
        ds.SetSequence(DicomTags.ROIContourSequence, [.. rois.Select((r, i) => RtStructureSetModules.RoiContour(r, i + 1, source))]);
        ds.SetSequence(DicomTags.RTROIObservationsSequence, [.. rois.Select((r, i) => RtStructureSetModules.Observation(r, i + 1))]);
        return ds;
    }
}
