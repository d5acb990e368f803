using PipelineSeg.Imaging.Resampling;

namespace PipelineSeg.Pipeline.Postprocessing;

/// <summary>
/// Labels one source slice from model-size class probabilities through a <see cref="PlaneMap"/>, with the same result as
/// resampling every class plane bilinearly and deciding per pixel (<see cref="LabelDecision.ArgmaxWithThresholds"/>),
/// but deciding whole cells at once: a bilinear value lies between the smallest and largest of its four corners, so a
/// cell where one class's smallest corner beats every other class's largest (and its threshold), or where no foreground
/// class reaches its threshold at any corner, has one label for every source pixel in it. Only cells on a boundary are
/// interpolated pixel by pixel.
/// </summary>
internal sealed class PlaneLabeler
{
    private const byte Undecided = byte.MaxValue;
    private readonly float[] _thresholds;
    private readonly int _background;
    private readonly byte _outside;

    /// <summary>Decides with <paramref name="thresholds"/>[k] per class; outside the model's field of view the background is certain.</summary>
    public PlaneLabeler(IReadOnlyList<double> thresholds, int background)
    {
        _thresholds = [.. thresholds.Select(t => (float)t)];
        _background = background;
        Span<float> certain = stackalloc float[_thresholds.Length];
        certain[background] = 1f;
        _outside = Decide(certain);
    }

    /// <summary>
    /// Writes the labels of a source slice from <paramref name="probabilities"/>, where class k's model-size plane starts
    /// at <paramref name="offset"/> + k · plane (plane = the map's source width × height).
    /// </summary>
    public void Label(PlaneMap map, float[] probabilities, int offset, Span<byte> labels)
    {
        var classes = _thresholds.Length;
        var (ax, ay) = (map.X, map.Y);
        var (w, plane) = (map.SourceWidth, map.SourceWidth * map.SourceHeight);
        if (offset < 0 || offset + (classes * plane) > probabilities.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "the class planes lie outside the probabilities");
        }
        var cells = DecideCells(map, probabilities, offset);
        var segments = Segments(ax);
        var width = ax.Length;
        Span<float> values = stackalloc float[classes];
        for (var y = 0; y < ay.Length; y++)
        {
            var row = labels.Slice(y * width, width);
            if (!map.InsideSlice || !ay.Inside[y])
            {
                row.Fill(_outside);
                continue;
            }
            var (r0, r1) = (offset + (ay.Lower[y] * w), offset + (ay.Upper[y] * w));
            double fy = ay.Weight[y], gy = ay.Complement[y];
            var cellRow = ay.Lower[y] * w;
            foreach (var (start, end, cell) in segments)
            {
                var label = cell < 0 ? _outside : cells[cellRow + cell];
                if (label != Undecided)
                {
                    row[start..end].Fill(label); // a whole decided cell (or the outside) at once
                    continue;
                }
                for (var x = start; x < end; x++)
                {
                    int x0 = ax.Lower[x], x1 = ax.Upper[x];
                    double fx = ax.Weight[x], gx = ax.Complement[x];
                    for (var k = 0; k < classes; k++)
                    {
                        // PlaneMap.Sample's arithmetic, on the class plane at k · plane
                        var c = k * plane;
                        var c00 = (probabilities[r0 + c + x0] * gx) + (probabilities[r0 + c + x1] * fx);
                        var c10 = (probabilities[r1 + c + x0] * gx) + (probabilities[r1 + c + x1] * fx);
                        values[k] = (float)((c00 * gy) + (c10 * fy));
                    }
                    row[x] = Decide(values);
                }
            }
        }
    }

    /// <summary>Stretches of target x with the same cell column (its lower source x), or −1 for stretches outside the source.</summary>
    private static List<(int Start, int End, int Cell)> Segments(AxisTable ax)
    {
        var segments = new List<(int, int, int)>();
        var start = 0;
        for (var x = 1; x <= ax.Length; x++)
        {
            var cell = ax.Inside[start] ? ax.Lower[start] : -1;
            if (x == ax.Length || (ax.Inside[x] ? ax.Lower[x] : -1) != cell)
            {
                segments.Add((start, x, cell));
                start = x;
            }
        }
        return segments;
    }

    /// <summary>Per model pixel (as the lower-left corner of a cell): the label every point of the cell takes, or <see cref="Undecided"/>.</summary>
    private byte[] DecideCells(PlaneMap map, float[] probabilities, int offset)
    {
        var (w, h) = (map.SourceWidth, map.SourceHeight);
        var plane = w * h;
        var classes = _thresholds.Length;
        var cells = new byte[plane];
        Span<float> low = stackalloc float[classes];
        Span<float> high = stackalloc float[classes];
        for (var y0 = 0; y0 < h; y0++)
        {
            var y1 = Math.Min(y0 + 1, h - 1);
            for (var x0 = 0; x0 < w; x0++)
            {
                var x1 = Math.Min(x0 + 1, w - 1);
                for (var k = 0; k < classes; k++)
                {
                    var o = offset + (k * plane);
                    float a = probabilities[o + (y0 * w) + x0], b = probabilities[o + (y0 * w) + x1];
                    float c = probabilities[o + (y1 * w) + x0], d = probabilities[o + (y1 * w) + x1];
                    low[k] = MathF.Min(MathF.Min(a, b), MathF.Min(c, d));
                    high[k] = MathF.Max(MathF.Max(a, b), MathF.Max(c, d));
                }
                cells[(y0 * w) + x0] = DecideCell(low, high);
            }
        }
        return cells;
    }

    private byte DecideCell(ReadOnlySpan<float> low, ReadOnlySpan<float> high)
    {
        // no foreground class reaches its threshold anywhere in the cell: background, whichever class is most probable
        var anyReaches = false;
        for (var k = 0; k < low.Length; k++)
        {
            anyReaches |= k != _background && !(high[k] < _thresholds[k]);
        }
        if (!anyReaches)
        {
            return (byte)_background;
        }
        for (var k = 0; k < low.Length; k++)
        {
            if (k != _background && !(low[k] >= _thresholds[k]))
            {
                continue;
            }
            var dominates = true;
            for (var j = 0; j < low.Length && dominates; j++)
            {
                dominates = j == k || low[k] > high[j];
            }
            if (dominates)
            {
                return (byte)k;
            }
        }
        return Undecided;
    }

    /// <summary>As <see cref="LabelDecision.ArgmaxWithThresholds"/> for one pixel.</summary>
    private byte Decide(ReadOnlySpan<float> values)
    {
        var best = 0;
        var bestP = float.NegativeInfinity;
        for (var k = 0; k < values.Length; k++)
        {
            if (values[k] > bestP)
            {
                (best, bestP) = (k, values[k]);
            }
        }
        return (byte)(best != _background && bestP < _thresholds[best] ? _background : best);
    }
}
