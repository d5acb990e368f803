using PipelineSeg.Dicom;

namespace PipelineSeg.Pipeline.Routing;

/// <summary>Reads <see cref="SeriesAttributes"/> from a scanned series and the header of its first file (no pixel data).</summary>
public static class SeriesAttributesReader
{
    /// <summary>The attributes of <paramref name="series"/>; <paramref name="callingAeTitle"/> when it arrived over the network.</summary>
    public static SeriesAttributes Read(DicomSeries series, string? callingAeTitle = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        string? bodyPart = null, protocol = null, manufacturer = null;
        double? thickness = null;
        if (series.Slices.Count > 0)
        {
            using var file = DicomFile.Open(series.Slices[0].FilePath, DicomReadOptions.HeaderOnly);
            var ds = file.Dataset;
            bodyPart = Blank(ds.GetString(DicomTags.BodyPartExamined));
            protocol = Blank(ds.GetString(DicomTags.ProtocolName));
            manufacturer = Blank(ds.GetString(DicomTags.Manufacturer));
            thickness = ds.TryGetDouble(DicomTags.SliceThickness, out var t) && t > 0 ? t : null;
        }
        // Slice Thickness is optional; the spacing between slices stands in for it, as in the applicability checks.
        thickness ??= series.Geometry?.Spacing.Z;
        return new SeriesAttributes(Blank(series.Modality), bodyPart, Blank(series.SeriesDescription), protocol, manufacturer,
            thickness, Blank(callingAeTitle));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
