namespace PipelineSeg.Imaging.Contours;

/// <summary>
/// Fills the pixels whose centres lie inside a set of contours of one slice by the even-odd rule (contours XOR: a hole
/// drawn as its own contour inside an outer one is left empty, an island inside the hole is filled again) — the reading
/// of <see cref="MaskContourTracer"/>'s output and of planning systems that treat nested contours as holes.
/// </summary>
public static class ContourRasterizer
{
    /// <summary>Sets to 1 (XOR with what is there) the pixels of <paramref name="slice"/> inside <paramref name="contours"/>.</summary>
    public static void Fill(IReadOnlyList<PlanarContour> contours, Span<byte> slice, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(contours);
        if (slice.Length != width * height)
        {
            throw new ArgumentException($"slice has {slice.Length} values, expected {width}×{height}", nameof(slice));
        }
        var crossings = new List<double>();
        for (var y = 0; y < height; y++)
        {
            crossings.Clear();
            foreach (var contour in contours)
            {
                AddCrossings(contour, y, crossings);
            }
            if (crossings.Count == 0)
            {
                continue;
            }
            crossings.Sort();
            var row = slice.Slice(y * width, width);
            for (var i = 0; i + 1 < crossings.Count; i += 2)
            {
                // Pixel centres x with from < x < to (half-open at the edges, so shared edges are not counted twice).
                var from = Math.Max(0, (int)Math.Floor(crossings[i]) + 1);
                var to = Math.Min(width - 1, (int)Math.Ceiling(crossings[i + 1]) - 1);
                for (var x = from; x <= to; x++)
                {
                    row[x] ^= 1;
                }
            }
        }
    }

    /// <summary>Where the edges of <paramref name="contour"/> cross the line through the pixel centres of row <paramref name="y"/>.</summary>
    private static void AddCrossings(PlanarContour contour, double y, List<double> crossings)
    {
        var p = contour.Points;
        var n = contour.Count;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            double xi = p[2 * i], yi = p[(2 * i) + 1], xj = p[2 * j], yj = p[(2 * j) + 1];
            if ((yi > y) != (yj > y))
            {
                crossings.Add(xj + ((y - yj) * (xi - xj) / (yi - yj)));
            }
        }
    }
}
