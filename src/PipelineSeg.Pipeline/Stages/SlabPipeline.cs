using System.Diagnostics;
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
/// One pipeline's stages over slabs of slices: volume source → pre-processing → inference runner → smoothing along z →
/// labelling on the source grid → 3-D clean-up. Inference runs on a thread of its own; decoding and pre-processing
/// ahead of it and smoothing and labelling behind it share one side thread (<see cref="StageThreads{TInput, TOutput}"/>).
/// Class probabilities exist per slab only; the label volume is bytes.
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

        // Two dedicated threads: one runs the model; the other decodes and pre-processes the next slabs and smooths and
        // labels the inferred ones (StageThreads). Probabilities exist for at most two inferred slabs waiting.
        using (var prepared = new PreparedSlabSource(source, _preprocessor, _slabSlices, sourceClock, cancellationToken))
        {
            await StageThreads<ModelInputSlab, ProbabilitySlab>.RunAsync(prepared, input =>
            {
                foreach (var observer in inputObservers)
                {
                    observer.AddInput(input, cancellationToken);
                }
                inferenceClock.Start();
                var inferred = _runner.Run(input, cancellationToken);
                input.Release?.Invoke();
                inferenceClock.Stop();
                return inferred;
            }, inferred =>
            {
                Label(Smooth(() => smoother.Push(inferred)));
                inferred.Release?.Invoke(); // smoothers and observers keep copies: the runner may reuse the array
            }, _prefetchSlabs, 2, cancellationToken).ConfigureAwait(false);
        }
        Label(Smooth(smoother.Complete));
        postClock.Start();
        LabelMapCleanup.Apply(labeler.Labels, _classes, _definition);
        postClock.Stop();
        double? meanUncertainty = uncertaintyCount > 0 ? uncertaintySum / uncertaintyCount : null;
        return new SegmentationResult(labeler.Labels, meanUncertainty,
            new StageTimings(sourceClock.Elapsed.TotalMilliseconds, inferenceClock.Elapsed.TotalMilliseconds, postClock.Elapsed.TotalMilliseconds),
            spread?.Maps, probabilities?.Maps);
    }
}
