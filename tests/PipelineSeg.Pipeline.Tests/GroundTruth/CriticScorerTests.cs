using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Definitions;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Preprocessing;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Stages;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

/// <summary>
/// The model's critic judges prediction against ground truth at the model size, on the slices with foreground, on the
/// model input the pipeline prepared (the series is read once).
/// </summary>
public sealed class CriticScorerTests
{
    [SkippableTheory]
    [InlineData(3)]
    [InlineData(16)]
    public async Task The_critic_sees_the_input_a_second_read_would_give_whatever_the_slab_size(int slabSlices)
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 12);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var classes = model.Manifest.Output.Classes;
        var placement = GroundTruthScorer.Place(annotation, series, classes);
        var source = new DicomVolumeSource(series);
        var critic = new MaskL1Critic();
        var scorer = new CriticScorer(critic, model.Manifest, source.Grid, placement);
        var result = await SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], slabSlices).RunAsync(source, [], [scorer]);
        var pairs = GroundTruthScorer.Score(placement, result.Labels, classes).Pairs!;

        var distance = scorer.Score(pairs);

        // Reference: the whole series read again as one slab and pre-processed; slices with foreground judged in steps of 8.
        var inPerSlice = model.Manifest.InputLength(1);
        var reference = await PreparedInOneSlab(series, model);
        var judged = Enumerable.Range(0, source.Grid.Depth).Where(z => pairs.Any(p => HasForeground(p.Prediction, z) || HasForeground(p.GroundTruth, z))).ToList();
        Assert.NotEmpty(judged);
        Assert.Equal(judged.GroupBy(z => z / CriticScorer.SlabSlices).Select(g => g.Count()), critic.Inputs.Select(i => i.Length / inPerSlice));
        Assert.Equal(judged.SelectMany(z => reference.Skip(z * inPerSlice).Take(inPerSlice)), critic.Inputs.SelectMany(i => i));
        Assert.NotNull(distance);
        Assert.InRange(distance.Value, 1e-6, 1.0); // the threshold model is not the annotator
    }

    [SkippableFact]
    public async Task A_perfect_prediction_is_at_distance_zero_and_only_foreground_slices_are_judged()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 8);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var critic = new MaskL1Critic();
        var scorer = await ObservedAsync(series, annotation, model, critic);
        var score = GroundTruthScorer.Score(annotation, series, phantom.Case.Labels, model.Manifest.Output.Classes);
        // Slices 0-2 emptied in both masks: they have nothing to judge and must be left out.
        var pairs = score.Pairs!.Select(p => new MaskPair(p.Label, p.Name, WithoutFirstSlices(p.Prediction, 3), WithoutFirstSlices(p.GroundTruth, 3))).ToList();

        var distance = scorer.Score(pairs);

        Assert.Equal(0.0, distance);
        var withLiver = Enumerable.Range(0, pairs[0].GroundTruth.Depth).Count(z => pairs.Any(p => HasForeground(p.GroundTruth, z)));
        Assert.InRange(withLiver, 1, pairs[0].GroundTruth.Depth - 3);
        Assert.Equal(withLiver, critic.Slices);
        // the critic sees the model input (window 50/400 → [0, 1]) at the model size
        Assert.All(critic.Inputs, input => Assert.All(input, v => Assert.InRange(v, 0f, 1f)));
        Assert.Equal(withLiver * 32 * 32, critic.Inputs.Sum(i => i.Length));
    }

    [SkippableFact]
    public async Task A_shifted_prediction_is_further_away()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 8);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var scorer = await ObservedAsync(series, annotation, model, new MaskL1Critic());
        var shifted = phantom.Case.Labels.Clone();
        Array.Clear(shifted.Array);
        Array.Copy(phantom.Case.Labels.Array, 0, shifted.Array, 4, shifted.Array.Length - 4);
        var score = GroundTruthScorer.Score(annotation, series, shifted, model.Manifest.Output.Classes);

        var distance = scorer.Score(score.Pairs!);

        Assert.NotNull(distance);
        Assert.InRange(distance.Value, 1e-4, 1.0);
    }

    [SkippableFact]
    public async Task No_matched_segment_gives_no_figure()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 48, slices: 6);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var scorer = await ObservedAsync(series, annotation, model, new MaskL1Critic());

        Assert.Null(scorer.Score([]));
    }

    [SkippableFact]
    public async Task A_slice_with_foreground_that_was_never_labelled_is_an_error()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 48, slices: 6);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var placement = GroundTruthScorer.Place(annotation, series, model.Manifest.Output.Classes);
        var scorer = new CriticScorer(new MaskL1Critic(), model.Manifest, new DicomVolumeSource(series).Grid, placement);
        var score = GroundTruthScorer.Score(placement, phantom.Case.Labels, model.Manifest.Output.Classes);

        Assert.Contains("never labelled", Assert.Throws<InvalidOperationException>(() => scorer.Score(score.Pairs!)).Message, StringComparison.Ordinal);
    }

    private static async Task<CriticScorer> ObservedAsync(PipelineSeg.Dicom.DicomSeries series, PipelineSeg.Dicom.Seg.DicomSegmentation annotation,
        ThresholdModel model, MaskL1Critic critic)
    {
        var source = new DicomVolumeSource(series);
        var scorer = new CriticScorer(critic, model.Manifest, source.Grid, GroundTruthScorer.Place(annotation, series, model.Manifest.Output.Classes));
        await SlabPipelineFactory.Create(new PipelineDefinition { Model = "threshold" }, [model], 4).RunAsync(source, [], [scorer]);
        return scorer;
    }

    private static async Task<float[]> PreparedInOneSlab(PipelineSeg.Dicom.DicomSeries series, ThresholdModel model)
    {
        var source = new DicomVolumeSource(series);
        var preprocessor = new SlabPreprocessor(model.Manifest.Input, model.Manifest.Id);
        await foreach (var slab in source.ReadAsync(source.Grid.Depth, preprocessor.Halo))
        {
            return preprocessor.Prepare(slab).Input;
        }
        throw new InvalidOperationException("the series has no slices");
    }

    private static bool HasForeground(Volume<byte> mask, int z) => mask.Slice(z).ContainsAnyExcept((byte)0);

    private static Volume<byte> WithoutFirstSlices(Volume<byte> mask, int count)
    {
        var copy = mask.Clone();
        copy.Array.AsSpan(0, count * mask.Size.SliceLength).Clear();
        return copy;
    }

    private static async Task<(PipelineSeg.Dicom.DicomSeries Series, PipelineSeg.Dicom.Seg.DicomSegmentation Annotation)> Annotated(PhantomFolder phantom)
    {
        var scan = await SeriesIntake.ScanAsync(phantom.Root);
        var series = Assert.Single(scan.Candidates);
        return (series, GroundTruthIndex.Build(scan.GroundTruth).For(series.SeriesInstanceUid)!);
    }
}
