using System.Buffers;
using System.Numerics.Tensors;
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
        var width = ax.Length;
        var cells = ArrayPool<byte>.Shared.Rent(plane);
        var template = ArrayPool<byte>.Shared.Rent(width);
        var cellOf = ArrayPool<int>.Shared.Rent(width);
        try
        {
            DecideCells(map, probabilities, offset, cells);
            for (var x = 0; x < width; x++)
            {
                cellOf[x] = ax.Inside[x] ? ax.Lower[x] : -1;
            }
            Span<float> values = stackalloc float[classes];
            var (templateRow, undecided) = (-1, false);
            for (var y = 0; y < ay.Length; y++)
            {
                var row = labels.Slice(y * width, width);
                if (!map.InsideSlice || !ay.Inside[y])
                {
                    row.Fill(_outside);
                    continue;
                }
                var cellRow = ay.Lower[y] * w;
                if (cellRow != templateRow)
                {
                    // the labels of every decided cell along this row of cells, once for the target rows it spans
                    (templateRow, undecided) = (cellRow, false);
                    for (var x = 0; x < width; x++)
                    {
                        var label = cellOf[x] < 0 ? _outside : cells[cellRow + cellOf[x]];
                        template[x] = label;
                        undecided |= label == Undecided;
                    }
                }
                template.AsSpan(0, width).CopyTo(row);
                if (!undecided)
                {
                    continue;
                }
                var (r0, r1) = (offset + (ay.Lower[y] * w), offset + (ay.Upper[y] * w));
                double fy = ay.Weight[y], gy = ay.Complement[y];
                for (var x = 0; x < width; x++)
                {
                    if (template[x] != Undecided)
                    {
                        continue;
                    }
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
        finally
        {
            ArrayPool<int>.Shared.Return(cellOf);
            ArrayPool<byte>.Shared.Return(template);
            ArrayPool<byte>.Shared.Return(cells);
        }
    }

    /// <summary>
    /// Per model pixel (as the lower-left corner of a cell): the label every point of the cell takes, or
    /// <see cref="Undecided"/>. Each class's smallest and largest corner along a row of cells come from vectorised
    /// minima and maxima of the two rows and their one-pixel shift.
    /// </summary>
    private void DecideCells(PlaneMap map, float[] probabilities, int offset, byte[] cells)
    {
        var (w, h) = (map.SourceWidth, map.SourceHeight);
        var plane = w * h;
        var classes = _thresholds.Length;
        var lows = ArrayPool<float>.Shared.Rent(classes * w);
        var highs = ArrayPool<float>.Shared.Rent(classes * w);
        var column = ArrayPool<float>.Shared.Rent(2 * w);
        var reach = ArrayPool<float>.Shared.Rent(w);
        try
        {
            Span<float> low = stackalloc float[classes];
            Span<float> high = stackalloc float[classes];
            for (var y0 = 0; y0 < h; y0++)
            {
                var y1 = Math.Min(y0 + 1, h - 1);
                for (var k = 0; k < classes; k++)
                {
                    var o = offset + (k * plane);
                    ReadOnlySpan<float> a = probabilities.AsSpan(o + (y0 * w), w), c = probabilities.AsSpan(o + (y1 * w), w);
                    Span<float> vMin = column.AsSpan(0, w), vMax = column.AsSpan(w, w);
                    TensorPrimitives.Min(a, c, vMin);
                    TensorPrimitives.Max(a, c, vMax);
                    Span<float> lo = lows.AsSpan(k * w, w), hi = highs.AsSpan(k * w, w);
                    TensorPrimitives.Min(vMin[..^1], vMin[1..], lo[..^1]);
                    TensorPrimitives.Max(vMax[..^1], vMax[1..], hi[..^1]);
                    (lo[^1], hi[^1]) = (vMin[^1], vMax[^1]); // the last column's cell has x1 = x0
                }
                // Most cells are background for sure (no foreground class reaches its threshold at any corner): found for
                // the whole row at once as max over classes of (largest corner − threshold) < 0; NaN falls through.
                var reaches = reach.AsSpan(0, w);
                reaches.Fill(float.NegativeInfinity);
                for (var k = 0; k < classes; k++)
                {
                    if (k != _background)
                    {
                        TensorPrimitives.Subtract(highs.AsSpan(k * w, w), _thresholds[k], column.AsSpan(0, w));
                        TensorPrimitives.Max(reaches, column.AsSpan(0, w), reaches);
                    }
                }
                for (var x0 = 0; x0 < w; x0++)
                {
                    if (reaches[x0] < 0)
                    {
                        cells[(y0 * w) + x0] = (byte)_background;
                        continue;
                    }
                    for (var k = 0; k < classes; k++)
                    {
                        (low[k], high[k]) = (lows[(k * w) + x0], highs[(k * w) + x0]);
                    }
                    cells[(y0 * w) + x0] = DecideCell(low, high);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(reach);
            ArrayPool<float>.Shared.Return(column);
            ArrayPool<float>.Shared.Return(highs);
            ArrayPool<float>.Shared.Return(lows);
        }
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
