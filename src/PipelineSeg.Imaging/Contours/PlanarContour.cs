namespace PipelineSeg.Imaging.Contours;

/// <summary>
/// A closed polygon in the plane of one slice, in pixel index units (pixel (x, y) has its centre at (x, y), so pixel edges
/// lie at half-integers). The last vertex connects back to the first; vertices are stored x0, y0, x1, y1, …
/// </summary>
/// <param name="Points">Interleaved x, y of each vertex.</param>
public sealed record PlanarContour(double[] Points)
{
    /// <summary>Number of vertices.</summary>
    public int Count => Points.Length / 2;

    /// <summary>Signed area (shoelace) in pixels²: positive when the vertices run clockwise on screen (y down).</summary>
    public double SignedArea()
    {
        double sum = 0;
        for (int i = 0, n = Count; i < n; i++)
        {
            var j = (i + 1) % n;
            sum += (Points[2 * i] * Points[(2 * j) + 1]) - (Points[2 * j] * Points[(2 * i) + 1]);
        }
        return sum / 2;
    }
}
