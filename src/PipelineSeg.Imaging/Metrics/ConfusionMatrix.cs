namespace PipelineSeg.Imaging.Metrics;

/// <summary>Multi-class voxel confusion matrices (256 × 256 labels), for the whole volume and per z slice.</summary>
public sealed class ConfusionMatrix
{
    /// <summary>Number of label values tracked (0..255).</summary>
    public const int Classes = 256;

    private readonly (int Key, long Count)[][] _perSlice;

    private ConfusionMatrix(long[] total, (int Key, long Count)[][] perSlice)
    {
        Total = total;
        _perSlice = perSlice;
    }

    /// <summary>Counts indexed [prediction * 256 + truth] over the whole volume.</summary>
    public long[] Total { get; }

    /// <summary>Number of z slices counted.</summary>
    public int SliceCount => _perSlice.Length;

    /// <summary>Labels present in the prediction or the ground truth, ascending.</summary>
    public IReadOnlyList<int> PresentLabels()
    {
        var present = new bool[Classes];
        for (var p = 0; p < Classes; p++)
        {
            for (var g = 0; g < Classes; g++)
            {
                if (Total[(p * Classes) + g] != 0)
                {
                    present[p] = true;
                    present[g] = true;
                }
            }
        }
        return Enumerable.Range(0, Classes).Where(l => present[l]).ToList();
    }

    /// <summary>Volume counts of one label.</summary>
    public ConfusionCounts For(int label) => ConfusionCounts.FromMatrix(Total, Classes, label);

    /// <summary>Slice z counts of one label.</summary>
    public ConfusionCounts ForSlice(int z, int label)
    {
        var counts = default(ConfusionCounts);
        foreach (var (key, count) in _perSlice[z])
        {
            counts = counts.Add(key >> 8, key & 0xff, count, label);
        }
        return counts;
    }

    /// <summary>Counts (prediction, truth) label pairs, in parallel over slices.</summary>
    public static ConfusionMatrix Count(Volume<byte> prediction, Volume<byte> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(groundTruth);
        if (prediction.Size != groundTruth.Size)
        {
            throw new ArgumentException($"sizes differ: prediction {prediction.Size}, ground truth {groundTruth.Size}");
        }
        var nz = prediction.Depth;
        var perSlice = new (int Key, long Count)[nz][];
        var p = prediction.Array;
        var g = groundTruth.Array;
        var sliceLength = prediction.Size.SliceLength;
        Parallel.For(0, nz, () => new int[Classes * Classes], (z, _, counts) =>
        {
            var off = z * sliceLength;
            var ps = p.AsSpan(off, sliceLength);
            var gs = g.AsSpan(off, sliceLength);
            Array.Clear(counts);
            // background dominates: count all-zero 64-voxel blocks at once (vectorised), the rest voxel by voxel
            const int block = 64;
            var i = 0;
            for (; i + block <= ps.Length; i += block)
            {
                var pb = ps.Slice(i, block);
                var gb = gs.Slice(i, block);
                if (!pb.ContainsAnyExcept((byte)0) && !gb.ContainsAnyExcept((byte)0))
                {
                    counts[0] += block;
                    continue;
                }
                for (var j = 0; j < block; j++)
                {
                    counts[(pb[j] << 8) | gb[j]]++;
                }
            }
            for (; i < ps.Length; i++)
            {
                counts[(ps[i] << 8) | gs[i]]++;
            }
            var sparse = new List<(int, long)>();
            for (var k = 0; k < counts.Length; k++)
            {
                if (counts[k] != 0)
                {
                    sparse.Add((k, counts[k]));
                }
            }
            perSlice[z] = [.. sparse];
            return counts;
        }, _ => { });
        var total = new long[Classes * Classes];
        foreach (var slice in perSlice)
        {
            foreach (var (index, count) in slice)
            {
                total[index] += count;
            }
        }
        return new ConfusionMatrix(total, perSlice);
    }
}
