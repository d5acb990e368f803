using PipelineSeg.Dicom;

namespace PipelineSeg.Pipeline.Outputs.RtStruct;

/// <summary>
/// Maps between pixel positions on a source slice and patient coordinates, using each slice's own position (so stacks
/// with gaps or uneven spacing work) and the series' in-plane axes and pixel spacing.
/// </summary>
internal sealed class SlicePlanes
{
    private readonly DicomGeometry _geometry;
    private readonly DicomVector3[] _positions;
    private readonly double[] _offsets;
    private readonly DicomVector3 _normal;

    public SlicePlanes(DicomSeries series)
    {
        _geometry = series.Geometry ?? throw new ArgumentException($"series {series.Key} has no geometry; contours need a placed image stack", nameof(series));
        _positions = [.. series.Slices.Select((s, k) => s.Position ?? _geometry.SlicePosition(k))];
        _normal = _geometry.Normal;
        _offsets = [.. _positions.Select(p => p.Dot(_normal))];
    }

    /// <summary>Number of slices.</summary>
    public int Count => _positions.Length;

    /// <summary>Patient position of pixel position (<paramref name="x"/>, <paramref name="y"/>) (column, row; centres at integers) on slice <paramref name="k"/>.</summary>
    public DicomVector3 ToPatient(double x, double y, int k) =>
        _positions[k] + (_geometry.RowDirection * (x * _geometry.Spacing.X)) + (_geometry.ColumnDirection * (y * _geometry.Spacing.Y));

    /// <summary>Pixel position (column, row) of <paramref name="p"/> projected onto slice <paramref name="k"/>.</summary>
    public (double X, double Y) ToPixel(DicomVector3 p, int k)
    {
        var d = p - _positions[k];
        return (d.Dot(_geometry.RowDirection) / _geometry.Spacing.X, d.Dot(_geometry.ColumnDirection) / _geometry.Spacing.Y);
    }

    /// <summary>The slice whose plane is nearest to <paramref name="p"/> and the distance to it along the normal (mm).</summary>
    public (int Slice, double Distance) Nearest(DicomVector3 p)
    {
        var offset = p.Dot(_normal);
        var best = 0;
        for (var k = 1; k < _offsets.Length; k++)
        {
            if (Math.Abs(_offsets[k] - offset) < Math.Abs(_offsets[best] - offset))
            {
                best = k;
            }
        }
        return (best, Math.Abs(_offsets[best] - offset));
    }
}
