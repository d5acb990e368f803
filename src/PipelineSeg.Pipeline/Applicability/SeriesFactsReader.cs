using PipelineSeg.Dicom;

namespace PipelineSeg.Pipeline.Applicability;

/// <summary>Reads <see cref="SeriesFacts"/> from a series' geometry and the header of its first file (no pixel data).</summary>
public static class SeriesFactsReader
{
    /// <summary>The facts of <paramref name="series"/>.</summary>
    public static SeriesFacts Read(DicomSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        string? bodyPart = null;
        string? position = null;
        double? thickness = null;
        var codes = new List<string>();
        if (series.Slices.Count > 0)
        {
            using var file = DicomFile.Open(series.Slices[0].FilePath, DicomReadOptions.HeaderOnly);
            var ds = file.Dataset;
            bodyPart = Blank(ds.GetString(DicomTags.BodyPartExamined));
            position = Blank(ds.GetString(DicomTags.PatientPosition));
            thickness = ds.TryGetDouble(DicomTags.SliceThickness, out var t) && t > 0 ? t : null;
            foreach (var item in ds.GetSequence(DicomTags.AnatomicRegionSequence))
            {
                if (Blank(item.GetString(DicomTags.CodeValue)) is { } code)
                {
                    codes.Add($"{item.GetString(DicomTags.CodingSchemeDesignator)?.Trim()}:{code}");
                }
            }
        }
        var g = series.Geometry;
        return new SeriesFacts(
            series.Modality.Trim(),
            bodyPart,
            codes,
            position,
            g is null ? null : PlaneOf(g.Normal),
            g is null ? null : Math.Max(g.Spacing.X, g.Spacing.Y),
            thickness ?? g?.Spacing.Z,
            g is null ? null : Math.Max(series.Columns * g.Spacing.X, series.Rows * g.Spacing.Y));
    }

    /// <summary>The anatomical plane whose normal is closest to the slice normal (LPS: x sagittal, y coronal, z axial).</summary>
    public static string PlaneOf(DicomVector3 normal)
    {
        var (x, y, z) = (Math.Abs(normal.X), Math.Abs(normal.Y), Math.Abs(normal.Z));
        return z >= x && z >= y ? "axial" : y >= x ? "coronal" : "sagittal";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
