using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Sources;

/// <summary>
/// Decodes the next slabs of <paramref name="inner"/> while the consumer works on the current one, through a bounded
/// channel of <paramref name="capacity"/> slabs, so at most capacity + 2 slabs exist at once (queued, being decoded, in
/// use). The slabs and their order are the inner source's. When the consumer stops (end, exception or cancellation),
/// the decoder is cancelled and awaited before the enumeration ends.
/// </summary>
public sealed class PrefetchingVolumeSource(IVolumeSource inner, int capacity) : IVolumeSource
{
    private readonly IVolumeSource _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly int _capacity = capacity is >= 1 and <= 8 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "prefetch 1–8 slabs");

    /// <inheritdoc />
    public SlabGrid Grid => _inner.Grid;

    /// <inheritdoc />
    public async IAsyncEnumerable<HounsfieldSlab> ReadAsync(int slabSlices, int halo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<HounsfieldSlab>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var decoder = Task.Run(() => DecodeAsync(channel.Writer, slabSlices, halo, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var slab))
                {
                    yield return slab;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await decoder.ConfigureAwait(false);
        }
    }

    /// <summary>Writes the inner source's slabs; its failure (or cancellation) completes the channel, which the reader rethrows.</summary>
    private async Task DecodeAsync(ChannelWriter<HounsfieldSlab> writer, int slabSlices, int halo, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var slab in _inner.ReadAsync(slabSlices, halo, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(slab, cancellationToken).ConfigureAwait(false);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }
}
