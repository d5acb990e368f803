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
/// <param name="Voxels">(HaloBefore + Count + HaloAfter) × <see cref="Samples"/> × Plane values, slice-major.</param>
public sealed record HounsfieldSlab(SlabGrid Grid, int First, int Count, int HaloBefore, int HaloAfter, float[] Voxels)
{
    /// <summary>
    /// Hands <see cref="Voxels"/> back to the source that lent it, once the slab has been pre-processed (the source may
    /// reuse the array for a later slab); null when the array is the slab's own.
    /// </summary>
    public Action? Release { get; init; }

    /// <summary>Values per voxel: 1 for grey levels; 3 for colour, each slice then holding its R, G and B planes in turn.</summary>
    public int Samples { get; init; } = 1;

    /// <summary>First loaded slice (halo included).</summary>
    public int LoadedFirst => First - HaloBefore;

    /// <summary>Loaded slices (halo included).</summary>
    public int LoadedCount => HaloBefore + Count + HaloAfter;

    /// <summary>Grey slice <paramref name="z"/> (series index, LoadedFirst ≤ z &lt; LoadedFirst + LoadedCount).</summary>
    /// <exception cref="InvalidOperationException">The slab is colour: its planes are read with <see cref="Sample"/>.</exception>
    public ReadOnlySpan<float> Slice(int z) => Samples == 1
        ? Sample(z, 0)
        : throw new InvalidOperationException($"a slab of {Samples} samples per voxel has no single grey slice");

    /// <summary>Plane <paramref name="sample"/> (0 R, 1 G, 2 B; 0 for grey) of slice <paramref name="z"/>.</summary>
    public ReadOnlySpan<float> Sample(int z, int sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, Samples);
        if (z < LoadedFirst || z >= LoadedFirst + LoadedCount)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, $"slab holds slices {LoadedFirst}–{LoadedFirst + LoadedCount - 1}");
        }
        return Voxels.AsSpan((((z - LoadedFirst) * Samples) + sample) * Grid.Plane, Grid.Plane);
    }
}
