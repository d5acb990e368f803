namespace PipelineSeg.Pipeline.Sources;

/// <summary>Which slices one slab loads: core <see cref="First"/> … + <see cref="Count"/>, plus the halo that exists.</summary>
internal readonly record struct SlabRange(int First, int Count, int HaloBefore, int HaloAfter)
{
    /// <summary>First loaded slice.</summary>
    public int LoadedFirst => First - HaloBefore;

    /// <summary>Loaded slices.</summary>
    public int LoadedCount => HaloBefore + Count + HaloAfter;

    /// <summary>The slabs covering <paramref name="depth"/> slices in order.</summary>
    public static IEnumerable<SlabRange> Cover(int depth, int slabSlices, int halo)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slabSlices, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(halo);
        for (var first = 0; first < depth; first += slabSlices)
        {
            var count = Math.Min(slabSlices, depth - first);
            yield return new SlabRange(first, count, Math.Min(halo, first), Math.Min(halo, depth - first - count));
        }
    }
}
