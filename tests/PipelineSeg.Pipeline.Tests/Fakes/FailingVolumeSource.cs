using System.Runtime.CompilerServices;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>A source whose slab number <c>failAtSlab</c> (from 0) cannot be read, as a corrupt file would.</summary>
internal sealed class FailingVolumeSource(IVolumeSource inner, int failAtSlab) : IVolumeSource
{
    public SlabGrid Grid => inner.Grid;

    public async IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var index = 0;
        await foreach (var slab in inner.ReadAsync(slabSlices, halo, cancellationToken).ConfigureAwait(false))
        {
            if (index++ == failAtSlab)
            {
                throw new InvalidDataException($"slab {failAtSlab} is unreadable");
            }
            yield return slab;
        }
    }
}
