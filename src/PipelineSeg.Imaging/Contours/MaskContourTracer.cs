namespace PipelineSeg.Imaging.Contours;

/// <summary>
/// Traces the boundaries of a 2-D 0/1 mask along pixel edges: every outer boundary and every hole becomes its own closed
/// contour (outer boundaries clockwise on screen, holes counter-clockwise). Read with the even-odd rule — a point is
/// inside when an odd number of contours surround it (contours XOR) — the contours enclose exactly the mask's pixels:
/// every pixel centre lies half a pixel from every edge, so any rasteriser that samples pixel centres recovers the mask,
/// and the enclosed area equals the pixel count. Foreground is 4-connected (pixels touching only at a corner get
/// separate contours that share that corner); background is 8-connected.
/// </summary>
public static class MaskContourTracer
{
    // Directions of travel on the corner grid: 0 = +x, 1 = +y, 2 = −x, 3 = −y (y down). Foreground is on the right.
    private static readonly int[] Dx = [1, 0, -1, 0];
    private static readonly int[] Dy = [0, 1, 0, -1];

    /// <summary>The contours of the non-zero pixels of <paramref name="mask"/> (row-major, <paramref name="width"/> × <paramref name="height"/>).</summary>
    public static IReadOnlyList<PlanarContour> Trace(ReadOnlySpan<byte> mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (mask.Length != width * height)
        {
            throw new ArgumentException($"mask has {mask.Length} values, expected {width}×{height}", nameof(mask));
        }
        var stride = width + 1;
        // Bit d set at corner c: a boundary edge leaves c in direction d.
        var edges = new byte[stride * (height + 1)];
        var any = false;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (mask[(y * width) + x] == 0)
                {
                    continue;
                }
                any = true;
                if (y == 0 || mask[((y - 1) * width) + x] == 0)
                {
                    edges[(y * stride) + x] |= 1; // top: (x, y) → (x+1, y)
                }
                if (x == width - 1 || mask[(y * width) + x + 1] == 0)
                {
                    edges[(y * stride) + x + 1] |= 2; // right: (x+1, y) → (x+1, y+1)
                }
                if (y == height - 1 || mask[((y + 1) * width) + x] == 0)
                {
                    edges[((y + 1) * stride) + x + 1] |= 4; // bottom: (x+1, y+1) → (x, y+1)
                }
                if (x == 0 || mask[(y * width) + x - 1] == 0)
                {
                    edges[((y + 1) * stride) + x] |= 8; // left: (x, y+1) → (x, y)
                }
            }
        }
        if (!any)
        {
            return [];
        }
        var all = (byte[])edges.Clone();
        var contours = new List<PlanarContour>();
        for (var start = 0; start < edges.Length; start++)
        {
            while (edges[start] != 0)
            {
                contours.Add(Follow(edges, all, stride, start));
            }
        }
        return contours;
    }

    /// <summary>Walks one closed boundary from <paramref name="start"/>, consuming its edges, and keeps only the corners where it turns.</summary>
    private static PlanarContour Follow(byte[] edges, byte[] all, int stride, int start)
    {
        var startDirection = System.Numerics.BitOperations.TrailingZeroCount(edges[start]);
        var points = new List<double>();
        var corner = start;
        var direction = startDirection;
        var previous = -1;
        while (true)
        {
            if (direction != previous)
            {
                points.Add((corner % stride) - 0.5);
                points.Add((corner / stride) - 0.5);
            }
            edges[corner] &= (byte)~(1 << direction);
            corner += Dx[direction] + (Dy[direction] * stride);
            previous = direction;
            direction = Next(all[corner], direction);
            if (corner == start && direction == startDirection)
            {
                break;
            }
            if ((edges[corner] & (1 << direction)) == 0)
            {
                throw new InvalidOperationException($"boundary walk reached a used edge at corner {corner}: the edge set is inconsistent");
            }
        }
        if (startDirection == previous && points.Count > 2)
        {
            // The walk ends going the way it began: the start corner is not a turn.
            points.RemoveRange(0, 2);
        }
        return new PlanarContour([.. points]);
    }

    /// <summary>
    /// The edge to take at a corner reached going <paramref name="incoming"/>: the only one, or at a saddle (two edges
    /// leave) the right turn, which keeps to the current pixel so diagonal neighbours stay separate.
    /// </summary>
    private static int Next(byte outgoing, int incoming)
    {
        if (System.Numerics.BitOperations.PopCount(outgoing) == 1)
        {
            return System.Numerics.BitOperations.TrailingZeroCount(outgoing);
        }
        return (incoming + 1) & 3;
    }
}
