using System.Runtime.CompilerServices;
using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>An in-memory source that counts the slabs it has produced and notes when its enumeration has ended.</summary>
internal sealed class TrackingVolumeSource(Volume<float> volume) : IVolumeSource
{
    private readonly InMemoryVolumeSource _inner = new(volume);
    private int _produced;

    public SlabGrid Grid => _inner.Grid;

    public int Produced => Volatile.Read(ref _produced);

    public bool Finished { get; private set; }

    public async IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var slab in _inner.ReadAsync(slabSlices, halo, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _produced);
                yield return slab;
            }
        }
        finally
        {
            Finished = true;
        }
    }
}
