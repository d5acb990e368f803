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
/// One pipeline's stages over slabs of slices: volume source → pre-processing → inference runner → smoothing along z →
/// labelling on the source grid (on its own task, overlapping the next slab's inference) → 3-D clean-up. Class
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

    /// <summary>Composes the stages; thresholds per class follow <see cref="PipelineDefinition.ThresholdFor"/> with <paramref name="manifestThreshold"/> (the model's output.defaultThreshold); <paramref name="prefetchSlabs"/> slabs are decoded ahead while a slab is inferred (0: decode and infer in turn); <paramref name="smootherFor"/> makes a smoother for a series on the given grid (depth, slice spacing).</summary>
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

    /// <summary>Segments the series <paramref name="source"/> reads.</summary>
    public Task<SegmentationResult> RunAsync(IVolumeSource source, CancellationToken cancellationToken = default) =>
        RunAsync(source, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(IVolumeSource, CancellationToken)"/>, handing every smoothed slab of probabilities (model size,
    /// the ones the labels are decided from) to <paramref name="observe"/> before it is labelled: <c>compare</c> thresholds
    /// them at each sweep value without a second inference. Called on the labelling task, one slab at a time, in order.
    /// </summary>
    public async Task<SegmentationResult> RunAsync(IVolumeSource source, Action<ProbabilitySlab>? observe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var labeler = new SlabLabeler(source.Grid, _classes, _thresholds, _preprocessor.PixelSpacingMm);
        var smoother = _smootherFor(source.Grid);
        var (sourceClock, inferenceClock, postClock) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var (uncertaintySum, uncertaintyCount) = (0.0, 0L);
        SpreadVolumes? spread = null;
        var probabilities = _definition.WriteProbabilities ? new ProbabilityVolumes(source.Grid, _classes, _preprocessor.PixelSpacingMm) : null;
        void Label(IReadOnlyList<ProbabilitySlab> slabs)
        {
            postClock.Start();
            foreach (var slab in slabs)
            {
                observe?.Invoke(slab);
                labeler.Add(slab, cancellationToken);
                probabilities?.Add(slab);
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

        // Labelling of slab k runs on its own task while slab k + 1 is inferred; a bounded channel keeps at most two
        // smoothed slabs waiting, so memory stays per slab.
        var toLabel = Channel.CreateBounded<IReadOnlyList<ProbabilitySlab>>(new BoundedChannelOptions(2) { SingleReader = true });
        var labelling = Task.Run(async () =>
        {
            try
            {
                await foreach (var smoothed in toLabel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    Label(smoothed);
                }
            }
            catch (Exception e)
            {
                toLabel.Writer.TryComplete(e); // the producer's next write fails instead of waiting forever
                throw;
            }
        }, CancellationToken.None);
        try
        {
            sourceClock.Start();
            var slabs = _prefetchSlabs > 0 ? new PrefetchingVolumeSource(source, _prefetchSlabs) : source;
            await foreach (var slab in slabs.ReadAsync(_slabSlices, _preprocessor.Halo, cancellationToken).ConfigureAwait(false))
            {
                sourceClock.Stop();
                inferenceClock.Start();
                var input = _preprocessor.Prepare(slab, cancellationToken);
                slab.Release?.Invoke();
                var smoothed = smoother.Push(_runner.Run(input, cancellationToken));
                inferenceClock.Stop();
                await toLabel.Writer.WriteAsync(smoothed, cancellationToken).ConfigureAwait(false);
                sourceClock.Start();
            }
            sourceClock.Stop();
            await toLabel.Writer.WriteAsync(smoother.Complete(), cancellationToken).ConfigureAwait(false);
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
