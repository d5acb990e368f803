using System.Runtime.ExceptionServices;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// Runs a slab pipeline's stages on two dedicated threads. The inference thread runs nothing but the model. The side
/// thread makes the next inputs (decoding, pre-processing) and takes the inferred outputs (smoothing, labelling) in
/// turn, preferring whichever keeps the model busy. So at most two threads of the pipeline compete for the cores.
/// With one core left beside inference (<see cref="Inference.InferenceThreads"/>), side work does not preempt the model.
/// Hand-offs block on a lock instead of awaiting, so no thread-pool worker wakes up (and spins) once per slab.
/// <para>
/// At most <c>inputCapacity</c> inputs wait, plus one being made and one being inferred. At most
/// <c>outputCapacity</c> outputs wait. Outputs are consumed in inference order. The first failure stops both threads
/// and is rethrown: a source error, a model error or a consumer error; else a cancellation. The side thread disposes
/// the source before <see cref="RunAsync"/> completes.
/// </para>
/// </summary>
/// <typeparam name="TInput">A model input.</typeparam>
/// <typeparam name="TOutput">An inferred output.</typeparam>
internal sealed class StageThreads<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    private readonly object _gate = new();
    private readonly Queue<TInput> _inputs = new();
    private readonly Queue<TOutput> _outputs = new();
    private readonly int _inputCapacity;
    private readonly int _outputCapacity;
    private readonly CancellationToken _cancellationToken;
    private bool _inputsEnded;
    private bool _inferenceEnded;
    private bool _inferenceWaits;
    private ExceptionDispatchInfo? _failure;

    private StageThreads(int inputCapacity, int outputCapacity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCapacity, 1);
        (_inputCapacity, _outputCapacity, _cancellationToken) = (inputCapacity, outputCapacity, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="infer"/> on every input <paramref name="source"/> makes, until it makes null, and hands each
    /// output to <paramref name="consume"/>. <paramref name="source"/> and <paramref name="consume"/> run on the side
    /// thread, <paramref name="infer"/> on the inference thread.
    /// </summary>
    public static async Task RunAsync(IStageSource<TInput> source, Func<TInput, TOutput> infer, Action<TOutput> consume,
        int inputCapacity, int outputCapacity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(infer);
        ArgumentNullException.ThrowIfNull(consume);
        var run = new StageThreads<TInput, TOutput>(inputCapacity, outputCapacity, cancellationToken);
        using (cancellationToken.UnsafeRegister(static s => ((StageThreads<TInput, TOutput>)s!).Wake(), run))
        {
            var inference = Dedicated("PipelineSeg inference", () => run.Infer(infer));
            var side = Dedicated("PipelineSeg decode+label", () => run.Side(source, consume));
            await Task.WhenAll(inference, side).ConfigureAwait(false);
        }
        run._failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>A named background thread of its own (not the thread pool's: a forward that never returns must not hold a pool worker).</summary>
    private static Task Dedicated(string name, Action body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                body();
                done.SetResult();
            }
#pragma warning disable CA1031 // handed to the awaiting caller
            catch (Exception e)
#pragma warning restore CA1031
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return done.Task;
    }

    private void Infer(Func<TInput, TOutput> infer)
    {
        try
        {
            while (Next() is { } input)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var output = infer(input);
                lock (_gate)
                {
                    while (_outputs.Count >= _outputCapacity)
                    {
                        if (!WaitOrStop())
                        {
                            return;
                        }
                    }
                    _outputs.Enqueue(output);
                    Monitor.PulseAll(_gate);
                }
            }
            lock (_gate)
            {
                _inferenceEnded = true;
                Monitor.PulseAll(_gate);
            }
        }
#pragma warning disable CA1031 // recorded and rethrown by RunAsync once both threads are out
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e);
        }
    }

    /// <summary>The next input for the model, or null at the end (or when the run stops).</summary>
    private TInput? Next()
    {
        lock (_gate)
        {
            while (_inputs.Count == 0)
            {
                if (_inputsEnded)
                {
                    return null;
                }
                _inferenceWaits = true;
                Monitor.PulseAll(_gate); // an input capacity of 0 makes inputs only now
                if (!WaitOrStop())
                {
                    return null;
                }
            }
            _inferenceWaits = false;
            var input = _inputs.Dequeue();
            Monitor.PulseAll(_gate);
            return input;
        }
    }

    private void Side(IStageSource<TInput> source, Action<TOutput> consume)
    {
        try
        {
            using (source)
            {
                while (true)
                {
                    TOutput? output = null;
                    lock (_gate)
                    {
                        while (true)
                        {
                            if (!Running())
                            {
                                return;
                            }
                            var canMake = !_inputsEnded && (_inputs.Count < _inputCapacity || (_inputs.Count == 0 && _inferenceWaits));
                            // the model is about to wait for an input: make it first; otherwise keep the outputs moving
                            if (canMake && (_inputs.Count == 0 || _outputs.Count == 0))
                            {
                                break;
                            }
                            if (_outputs.Count > 0)
                            {
                                output = _outputs.Dequeue();
                                Monitor.PulseAll(_gate);
                                break;
                            }
                            if ((_inferenceEnded && _inputsEnded) || !WaitOrStop())
                            {
                                return;
                            }
                        }
                    }
                    if (output is not null)
                    {
                        consume(output);
                        continue;
                    }
                    var input = source.Next();
                    lock (_gate)
                    {
                        if (input is null)
                        {
                            _inputsEnded = true;
                        }
                        else
                        {
                            _inputs.Enqueue(input);
                        }
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
#pragma warning disable CA1031 // recorded and rethrown by RunAsync once both threads are out
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e);
        }
    }

    /// <summary>Waits for a change under the lock; false once the run has failed or been cancelled.</summary>
    private bool WaitOrStop()
    {
        if (Running())
        {
            Monitor.Wait(_gate);
        }
        return Running();
    }

    /// <summary>
    /// Under the lock: false once the run has failed or been cancelled. A thread that sees the cancellation while it
    /// waits stops without recording it, so the error of a thread still at work (a model that fails to stop in time, a
    /// source that fails) stays the cause; a run that ends without one throws the cancellation.
    /// </summary>
    private bool Running() => _failure is null && !_cancellationToken.IsCancellationRequested;

    private void Fail(Exception e)
    {
        lock (_gate)
        {
            _failure ??= ExceptionDispatchInfo.Capture(e); // the first failure is the cause; the other thread then stops
            Monitor.PulseAll(_gate);
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
