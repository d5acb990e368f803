using System.Runtime.CompilerServices;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>Slabs of a volume already in memory (NIfTI input, synthetic volumes, tests); copies one slab at a time.</summary>
public sealed class InMemoryVolumeSource(Volume<float> volume) : IVolumeSource
{
    private readonly Volume<float> _volume = volume ?? throw new ArgumentNullException(nameof(volume));

    /// <inheritdoc />
    public SlabGrid Grid { get; } = new(volume.Width, volume.Height, volume.Depth, volume.Geometry);

    /// <inheritdoc />
    public async IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var range in SlabRange.Cover(Grid.Depth, slabSlices, halo))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var voxels = _volume.Array.AsSpan(range.LoadedFirst * Grid.Plane, range.LoadedCount * Grid.Plane).ToArray();
            yield return new HounsfieldSlab(Grid, range.First, range.Count, range.HaloBefore, range.HaloAfter, voxels);
            await Task.Yield();
        }
    }
}
