using System.Diagnostics;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Sources;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// The stage before inference: a volume source's slabs, decoded and pre-processed into model inputs one at a time on
/// the caller's thread. Each Hounsfield slab is handed back to its source as soon as its model input exists.
/// </summary>
internal sealed class PreparedSlabSource : IStageSource<ModelInputSlab>
{
    private readonly IAsyncEnumerator<HounsfieldSlab> _slabs;
    private readonly SlabPreprocessor _preprocessor;
    private readonly Stopwatch _busy;
    private readonly CancellationToken _cancellationToken;
    private bool _disposed;

    /// <summary>Reads <paramref name="source"/> in slabs of <paramref name="slabSlices"/>; <paramref name="busy"/> accumulates the time spent decoding and pre-processing.</summary>
    public PreparedSlabSource(IVolumeSource source, SlabPreprocessor preprocessor, int slabSlices, Stopwatch busy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(busy);
        (_preprocessor, _busy, _cancellationToken) = (preprocessor, busy, cancellationToken);
        _slabs = source.ReadAsync(slabSlices, preprocessor.Halo, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    /// <inheritdoc />
    public ModelInputSlab? Next()
    {
        _busy.Start();
        try
        {
            if (!Wait(_slabs.MoveNextAsync()))
            {
                return null;
            }
            var slab = _slabs.Current;
            var input = _preprocessor.Prepare(slab, _cancellationToken);
            slab.Release?.Invoke();
            return input;
        }
        finally
        {
            _busy.Stop();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Wait(_slabs.DisposeAsync());
        }
    }

    // The sources read synchronously (they complete at once); one that does not is waited for on this dedicated thread.
    private static bool Wait(ValueTask<bool> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }
}
