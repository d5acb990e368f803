namespace PipelineSeg.Pipeline.Slabs;

/// <summary>
/// Consecutive source slices as modality values (HU for CT): the core slices <see cref="First"/> … First + Count − 1,
/// with up to <see cref="HaloBefore"/> / <see cref="HaloAfter"/> neighbours that 2.5-D inputs need (fewer at the ends).
/// </summary>
/// <param name="Grid">The series grid.</param>
/// <param name="First">First core slice.</param>
/// <param name="Count">Core slices.</param>
/// <param name="HaloBefore">Neighbour slices loaded before <paramref name="First"/>.</param>
/// <param name="HaloAfter">Neighbour slices loaded after the core.</param>
/// <param name="Voxels">(HaloBefore + Count + HaloAfter) × Plane values, slice-major.</param>
public sealed record HounsfieldSlab(SlabGrid Grid, int First, int Count, int HaloBefore, int HaloAfter, float[] Voxels)
{
    /// <summary>
    /// Hands <see cref="Voxels"/> back to the source that lent it, once the slab has been pre-processed (the source may
    /// reuse the array for a later slab); null when the array is the slab's own.
    /// </summary>
    public Action? Release { get; init; }

    /// <summary>First loaded slice (halo included).</summary>
    public int LoadedFirst => First - HaloBefore;

    /// <summary>Loaded slices (halo included).</summary>
    public int LoadedCount => HaloBefore + Count + HaloAfter;

    /// <summary>Slice <paramref name="z"/> (series index, LoadedFirst ≤ z &lt; LoadedFirst + LoadedCount).</summary>
    public ReadOnlySpan<float> Slice(int z)
    {
        if (z < LoadedFirst || z >= LoadedFirst + LoadedCount)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, $"slab holds slices {LoadedFirst}–{LoadedFirst + LoadedCount - 1}");
        }
        return Voxels.AsSpan((z - LoadedFirst) * Grid.Plane, Grid.Plane);
    }
}
