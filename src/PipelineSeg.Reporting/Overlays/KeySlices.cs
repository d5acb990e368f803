using PipelineSeg.Imaging;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// The slices worth looking at: for each segment the slice where its area is largest, then further slices by total
/// labelled area, up to the count asked for; sorted by index. A volume without labels gives its middle slice.
/// </summary>
public static class KeySlices
{
    /// <summary>Up to <paramref name="count"/> slice indices of <paramref name="plane"/> (z, y or x).</summary>
    public static IReadOnlyList<int> Select(Volume<byte> labels, SlicePlane plane, int count)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var areas = AreasPerSlice(labels, plane);
        var slices = areas.Length;
        var chosen = new List<int>();
        var segmentLabels = Enumerable.Range(1, 255).Where(l => areas.Any(a => a[l] > 0)).ToList();
        if (segmentLabels.Count == 0)
        {
            return [slices / 2];
        }
        foreach (var label in segmentLabels)
        {
            var best = Enumerable.Range(0, slices).MaxBy(s => areas[s][label]);
            if (!chosen.Contains(best) && chosen.Count < count)
            {
                chosen.Add(best);
            }
        }
        var byTotal = Enumerable.Range(0, slices)
            .Select(s => (Slice: s, Total: areas[s].Skip(1).Sum()))
            .Where(t => t.Total > 0)
            .OrderByDescending(t => t.Total)
            .ThenBy(t => t.Slice);
        foreach (var (slice, _) in byTotal)
        {
            if (chosen.Count >= count)
            {
                break;
            }
            if (!chosen.Contains(slice))
            {
                chosen.Add(slice);
            }
        }
        chosen.Sort();
        return chosen;
    }

    private static long[][] AreasPerSlice(Volume<byte> labels, SlicePlane plane)
    {
        var (nx, ny, nz) = (labels.Width, labels.Height, labels.Depth);
        var slices = plane switch { SlicePlane.Axial => nz, SlicePlane.Coronal => ny, _ => nx };
        var areas = new long[slices][];
        for (var s = 0; s < slices; s++)
        {
            areas[s] = new long[256];
        }
        var data = labels.Span;
        for (var z = 0; z < nz; z++)
        {
            for (var y = 0; y < ny; y++)
            {
                var row = data.Slice(((z * ny) + y) * nx, nx);
                for (var x = 0; x < nx; x++)
                {
                    var s = plane switch { SlicePlane.Axial => z, SlicePlane.Coronal => y, _ => x };
                    areas[s][row[x]]++;
                }
            }
        }
        return areas;
    }
}
