using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Smoothing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// One pipeline's stages over slabs of slices: volume source → pre-processing (both on their own task, ahead of
/// inference) → inference runner → smoothing along z → labelling on the source grid (both on their own task, overlapping
/// the next slab's inference) → 3-D clean-up. The inference thread runs nothing but the model. Class
/// probabilities exist per slab only; the label volume is bytes.
/// Built by <see cref="SlabPipelineFactory"/>; one series at a time (models are not thread-safe).
/// </summary>
public sealed class SlabPipeline
{
    private readonly SlabPreprocessor _preprocessor;
    private readonly IInferenceRunner _runner;
    private readonly Func<SlabGrid, ISlabSmoother> _smootherFor;
    private readonly IReadOnlyList<SegmentClass> _classes;
    private readonly PipelineDefinition _definition;
    private readonly int _slabSlices;
    private readonly double[] _thresholds;
    private readonly int _prefetchSlabs;

    /// <summary>Composes the stages; thresholds per class follow <see cref="PipelineDefinition.ThresholdFor"/> with <paramref name="manifestThreshold"/> (the model's output.defaultThreshold); <paramref name="prefetchSlabs"/> slabs are decoded and pre-processed ahead while a slab is inferred (0: in turn); <paramref name="smootherFor"/> makes a smoother for a series on the given grid (depth, slice spacing).</summary>
    public SlabPipeline(SlabPreprocessor preprocessor, IInferenceRunner runner, Func<SlabGrid, ISlabSmoother> smootherFor,
        IReadOnlyList<SegmentClass> classes, PipelineDefinition definition, int slabSlices, double? manifestThreshold = null, int prefetchSlabs = 1)
    {
        ArgumentNullException.ThrowIfNull(preprocessor);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(smootherFor);
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(slabSlices, 1);
        (_preprocessor, _runner, _smootherFor, _classes, _definition, _slabSlices) = (preprocessor, runner, smootherFor, classes, definition, slabSlices);
        _thresholds = [.. classes.Select(c => definition.ThresholdFor(c.Label, manifestThreshold))];
        ArgumentOutOfRangeException.ThrowIfNegative(prefetchSlabs);
        _prefetchSlabs = prefetchSlabs;
    }

    /// <summary>Pixel spacing of the model plane in mm, or null when the model sees the whole field of view.</summary>
    public double? ModelPixelSpacingMm => _preprocessor.PixelSpacingMm;

    /// <summary>Segments the series <paramref name="source"/> reads.</summary>
    public Task<SegmentationResult> RunAsync(IVolumeSource source, CancellationToken cancellationToken = default) =>
        RunAsync(source, [], cancellationToken);

    /// <summary>Segments the series <paramref name="source"/> reads; <paramref name="observers"/> see every smoothed slab as it is labelled.</summary>
    public Task<SegmentationResult> RunAsync(IVolumeSource source, IReadOnlyList<ISlabObserver> observers, CancellationToken cancellationToken = default) =>
        RunAsync(source, observers, [], cancellationToken);

    /// <summary>As above; <paramref name="inputObservers"/> also see every model input before inference and learn when its slices are labelled.</summary>
    public async Task<SegmentationResult> RunAsync(IVolumeSource source, IReadOnlyList<ISlabObserver> observers, IReadOnlyList<IModelInputObserver> inputObservers,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(observers);
        ArgumentNullException.ThrowIfNull(inputObservers);
        var labeler = new SlabLabeler(source.Grid, _classes, _thresholds, _preprocessor.PixelSpacingMm);
        var smoother = _smootherFor(source.Grid);
        var (sourceClock, inferenceClock, postClock) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var (uncertaintySum, uncertaintyCount) = (0.0, 0L);
        SpreadVolumes? spread = null;
        var probabilities = _definition.WriteProbabilities ? new ProbabilityVolumes(source.Grid, _classes, _preprocessor.PixelSpacingMm) : null;
        IReadOnlyList<ProbabilitySlab> Smooth(Func<IReadOnlyList<ProbabilitySlab>> step)
        {
            postClock.Start();
            var smoothed = step();
            postClock.Stop();
            return smoothed;
        }

        void Label(IReadOnlyList<ProbabilitySlab> slabs)
        {
            postClock.Start();
            foreach (var slab in slabs)
            {
                labeler.Add(slab, cancellationToken);
                foreach (var observer in inputObservers)
                {
                    observer.Labelled(labeler.Labels, slab.First, slab.Count);
                }
                probabilities?.Add(slab);
                foreach (var observer in observers)
                {
                    observer.Add(slab, cancellationToken);
                }
                if (slab.Uncertainty is { } u)
                {
                    uncertaintySum += System.Numerics.Tensors.TensorPrimitives.Sum(u);
                    uncertaintyCount += u.Length;
                }
                if (slab.Spread is not null)
                {
                    (spread ??= new SpreadVolumes(source.Grid, _classes, _preprocessor.PixelSpacingMm)).Add(slab);
                }
            }
            postClock.Stop();
        }

        // Smoothing and labelling of slab k run on their own task while slab k + 1 is inferred; a bounded channel keeps
        // at most two inferred slabs waiting, so memory stays per slab.
        var toLabel = Channel.CreateBounded<ProbabilitySlab>(new BoundedChannelOptions(2) { SingleReader = true });
        var labelling = Task.Run(async () =>
        {
            try
            {
                await foreach (var inferred in toLabel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Label(Smooth(() => smoother.Push(inferred)));
                }
                Label(Smooth(smoother.Complete));
            }
            catch (Exception e)
            {
                toLabel.Writer.TryComplete(e); // the producer's next write fails instead of waiting forever
                throw;
            }
        }, CancellationToken.None);
        try
        {
            // Decoding and pre-processing run ahead on their own task (PreparedInputs): this thread only runs the model.
            await foreach (var input in PreparedInputs.ReadAsync(source, _preprocessor, _slabSlices, _prefetchSlabs, sourceClock, cancellationToken).ConfigureAwait(false))
            {
                foreach (var observer in inputObservers)
                {
                    observer.AddInput(input, cancellationToken);
                }
                inferenceClock.Start();
                var inferred = _runner.Run(input, cancellationToken);
                input.Release?.Invoke();
                inferenceClock.Stop();
                await toLabel.Writer.WriteAsync(inferred, cancellationToken).ConfigureAwait(false);
            }
            toLabel.Writer.Complete();
        }
        catch (Exception e)
        {
            toLabel.Writer.TryComplete(e);
            await Task.WhenAny(labelling).ConfigureAwait(false); // it has stopped before the failure leaves
            if (e is ChannelClosedException && labelling.Exception?.InnerException is { } cause)
            {
                ExceptionDispatchInfo.Throw(cause); // labelling failed first: that is the cause
            }
            throw;
        }
        await labelling.ConfigureAwait(false);
        postClock.Start();
        LabelMapCleanup.Apply(labeler.Labels, _classes, _definition);
        postClock.Stop();
        double? meanUncertainty = uncertaintyCount > 0 ? uncertaintySum / uncertaintyCount : null;
        return new SegmentationResult(labeler.Labels, meanUncertainty,
            new StageTimings(sourceClock.Elapsed.TotalMilliseconds, inferenceClock.Elapsed.TotalMilliseconds, postClock.Elapsed.TotalMilliseconds),
            spread?.Maps, probabilities?.Maps);
    }
}
