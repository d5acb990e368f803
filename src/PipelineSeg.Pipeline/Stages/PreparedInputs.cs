using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// The stage before inference: slabs are decoded and pre-processed on one background task, <c>capacity</c> slabs ahead,
/// through a bounded channel, so the inference thread only runs the model. Each Hounsfield slab is handed back to its
/// source as soon as its model input exists; at most capacity + 2 model inputs exist at once (queued, being prepared, in
/// use). When the consumer stops (end, exception or cancellation), the producer is cancelled and awaited before the
/// enumeration ends; a producer failure is rethrown to the consumer.
/// </summary>
internal static class PreparedInputs
{
    /// <summary>The model inputs of <paramref name="source"/>; <paramref name="capacity"/> 0 prepares each slab in turn on the caller.</summary>
    /// <param name="source">The series.</param>
    /// <param name="preprocessor">Pre-processing for the model.</param>
    /// <param name="slabSlices">Slices per slab.</param>
    /// <param name="capacity">Slabs prepared ahead (0–8).</param>
    /// <param name="busy">Accumulates the time the producer spends decoding and pre-processing (not waiting).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public static async IAsyncEnumerable<ModelInputSlab> ReadAsync(IVolumeSource source, SlabPreprocessor preprocessor, int slabSlices,
        int capacity, Stopwatch busy, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 8);
        if (capacity <= 0)
        {
            busy.Start();
            await foreach (var slab in source.ReadAsync(slabSlices, preprocessor.Halo, cancellationToken).ConfigureAwait(false))
            {
                var input = preprocessor.Prepare(slab, cancellationToken);
                slab.Release?.Invoke();
                busy.Stop();
                yield return input;
                busy.Start();
            }
            busy.Stop();
            yield break;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ModelInputSlab>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, source, preprocessor, slabSlices, busy, stop.Token), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var input))
                {
                    yield return input;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Writes the prepared slabs; a failure (or cancellation) completes the channel, which the reader rethrows.</summary>
    private static async Task ProduceAsync(ChannelWriter<ModelInputSlab> writer, IVolumeSource source, SlabPreprocessor preprocessor,
        int slabSlices, Stopwatch busy, CancellationToken cancellationToken)
    {
        try
        {
            busy.Start();
            await foreach (var slab in source.ReadAsync(slabSlices, preprocessor.Halo, cancellationToken).ConfigureAwait(false))
            {
                var input = preprocessor.Prepare(slab, cancellationToken);
                slab.Release?.Invoke();
                busy.Stop();
                await writer.WriteAsync(input, cancellationToken).ConfigureAwait(false);
                busy.Start();
            }
            busy.Stop();
            writer.Complete();
        }
        catch (Exception e)
        {
            busy.Stop();
            writer.Complete(e);
        }
    }
}
