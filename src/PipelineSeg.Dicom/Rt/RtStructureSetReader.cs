using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Rt;

/// <summary>Reads the ROIs and contours of an RT Structure Set (any transfer syntax the reader supports).</summary>
public static class RtStructureSetReader
{
    /// <summary>Reads <paramref name="path"/>; throws <see cref="DicomFormatException"/> when it is not an RT Structure Set.</summary>
    public static RtStructureSet Read(string path)
    {
        using var file = DicomFile.Open(path);
        var ds = file.Dataset;
        if (ds.GetString(DicomTags.SOPClassUID)?.TrimEnd('\0', ' ') != SopClasses.RtStructureSetStorage)
        {
            throw new DicomFormatException($"{path} is not an RT Structure Set (SOP Class {ds.GetString(DicomTags.SOPClassUID)})");
        }
        var frames = ds.GetSequence(DicomTags.ReferencedFrameOfReferenceSequence);
        var series = frames.SelectMany(f => f.GetSequence(DicomTags.RTReferencedStudySequence))
            .SelectMany(s => s.GetSequence(DicomTags.RTReferencedSeriesSequence)).ToList();
        var contoursByRoi = ds.GetSequence(DicomTags.ROIContourSequence)
            .ToDictionary(c => c.GetInt32(DicomTags.ReferencedROINumber, -1), c => c);
        var rois = new List<RtStructureSetRoi>();
        foreach (var roi in ds.GetSequence(DicomTags.StructureSetROISequence))
        {
            var number = roi.GetInt32(DicomTags.ROINumber, -1);
            var observation = ds.GetSequence(DicomTags.RTROIObservationsSequence)
                .FirstOrDefault(o => o.GetInt32(DicomTags.ReferencedROINumber, -2) == number);
            contoursByRoi.TryGetValue(number, out var contourItem);
            var color = contourItem?.GetDoubles(DicomTags.ROIDisplayColor)?.Select(v => (int)v).ToList();
            var contours = contourItem?.GetSequence(DicomTags.ContourSequence).Select(Contour).ToList() ?? [];
            rois.Add(new RtStructureSetRoi(number, roi.GetString(DicomTags.ROIName) ?? string.Empty, color,
                observation is null ? null : CodedConcept.FromSequence(observation, DicomTags.RTROIIdentificationCodeSequence), contours));
        }
        return new RtStructureSet(path, frames.FirstOrDefault()?.GetString(DicomTags.FrameOfReferenceUID) ?? string.Empty,
            [.. series.Select(s => s.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty)],
            [.. series.SelectMany(s => s.GetSequence(DicomTags.ContourImageSequence)).Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID) ?? string.Empty)],
            rois);
    }

    private static RtContourData Contour(DicomDataset item)
    {
        // Parsed in one pass: a contour holds thousands of DS values (GetDoubles re-scans the text per value).
        var text = item.GetStrings(DicomTags.ContourData);
        var points = new double[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!double.TryParse(text[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out points[i]))
            {
                throw new DicomFormatException($"Contour Data value {i} '{text[i]}' is not a decimal string");
            }
        }
        var declared = item.GetInt32(DicomTags.NumberOfContourPoints, -1);
        if (points.Length % 3 != 0 || (declared >= 0 && declared * 3 != points.Length))
        {
            throw new DicomFormatException($"contour with Number of Contour Points {declared} holds {points.Length} coordinates");
        }
        return new RtContourData(item.GetString(DicomTags.ContourGeometricType) ?? string.Empty,
            item.GetFirstItem(DicomTags.ContourImageSequence)?.GetString(DicomTags.ReferencedSOPInstanceUID), points);
    }
}
