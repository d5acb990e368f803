using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>The first stage: a series becomes slabs of consecutive slices as modality values, once, here.</summary>
public interface IVolumeSource
{
    /// <summary>The grid the slabs lie on.</summary>
    SlabGrid Grid { get; }

    /// <summary>Slabs of up to <paramref name="slabSlices"/> core slices in order, each with up to <paramref name="halo"/> neighbours either side.</summary>
    IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, CancellationToken cancellationToken = default);
}
