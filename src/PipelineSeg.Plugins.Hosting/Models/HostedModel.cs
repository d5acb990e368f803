using System.Buffers;
using System.Diagnostics;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Hosting;

/// <summary>
/// A plugin's model as the host runs it. It holds the job's leases on the plugin until disposed (a reload waits for
/// them). A forward that throws becomes a <see cref="PluginFaultException"/> naming plugin and model. With a cancellable
/// token the forward runs on its own thread over copies of input and output, so that a forward ignoring cancellation
/// can be abandoned after a grace period: the job fails, the leases drop, the thread is left behind writing into
/// buffers nobody reads, and the model is never used (or disposed) again.
/// </summary>
internal sealed class HostedModel(ISegmentationModel inner, LoadedPlugin plugin, IDisposable leases, TimeSpan grace,
    Action<LoadedPlugin, string, string> onFault) : ISegmentationModel
{
    private bool _abandoned;
    private bool _disposed;
    private ForwardThread? _worker;

    public ModelManifest Manifest => inner.Manifest;

    // The critic scores after inference, within the same job and leases; passed through so the report keeps it.
    public ISegmentationCritic? Critic => inner.Critic;

    public void Predict(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_abandoned)
        {
            throw Fault("its forward was abandoned earlier; the model is not used again", abandoned: true);
        }
        if (!cancellationToken.CanBeCanceled)
        {
            try
            {
                inner.Predict(input, sliceCount, output, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw Fault($"forward threw {e.GetType().Name}: {e.Message}", abandoned: false, e);
            }
            return;
        }
        RunOnOwnThread(input, sliceCount, output, cancellationToken);
    }

    public void EnableStochasticMode(int seed) => Guard(() => inner.EnableStochasticMode(seed));

    public void DisableStochasticMode() => Guard(inner.DisableStochasticMode);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (!_abandoned)
        {
            // An abandoned forward may still be running in it: leave the model and its thread alone.
            _worker?.Stop();
            inner.Dispose();
        }
        leases.Dispose();
    }

    private void RunOnOwnThread(ReadOnlySpan<float> input, int sliceCount, Span<float> output, CancellationToken cancellationToken)
    {
        var (inLength, outLength) = (input.Length, output.Length);
        var inBuffer = ArrayPool<float>.Shared.Rent(inLength);
        var outBuffer = ArrayPool<float>.Shared.Rent(outLength);
        input.CopyTo(inBuffer);
        var clock = Stopwatch.StartNew();
        _worker ??= new ForwardThread($"forward {plugin.Manifest.Id}/{inner.Manifest.Id}");
        var done = _worker.Run(() => inner.Predict(inBuffer.AsSpan(0, inLength), sliceCount, outBuffer.AsSpan(0, outLength), cancellationToken));
        if (!Wait(done, cancellationToken))
        {
            _abandoned = true;
            leases.Dispose();
            // The buffers stay with the abandoned thread; they are not returned to the pool.
            throw Fault($"forward did not return within {grace.TotalSeconds:0.###} s of cancellation (it had run {clock.Elapsed.TotalSeconds:0.#} s); abandoned on its thread", abandoned: true);
        }
        try
        {
            if (done.Exception?.InnerException is { } error)
            {
                throw error is OperationCanceledException
                    ? new OperationCanceledException($"forward of model '{inner.Manifest.Id}' (plugin '{plugin.Manifest.Id}') cancelled after {clock.Elapsed.TotalSeconds:0.#} s", error, cancellationToken)
                    : Fault($"forward threw {error.GetType().Name}: {error.Message}", abandoned: false, error);
            }
            outBuffer.AsSpan(0, outLength).CopyTo(output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(inBuffer);
            ArrayPool<float>.Shared.Return(outBuffer);
        }
    }

    /// <summary>True once the forward ended (well or not); false when it ignored cancellation for longer than the grace.</summary>
    private bool Wait(Task forward, CancellationToken cancellationToken)
    {
        try
        {
            forward.Wait(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return WaitGrace(forward);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private bool WaitGrace(Task forward)
    {
        try
        {
            return forward.Wait(grace);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private void Guard(Action call)
    {
        try
        {
            call();
        }
        catch (Exception e) when (e is not (OperationCanceledException or NotSupportedException))
        {
            throw Fault($"forward threw {e.GetType().Name}: {e.Message}", abandoned: false, e);
        }
    }

    private PluginFaultException Fault(string cause, bool abandoned, Exception? inner = null)
    {
        onFault(plugin, Manifest.Id, cause);
        return new PluginFaultException(plugin.Manifest.Id, Manifest.Id, cause, abandoned, inner);
    }
}
