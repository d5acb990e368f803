using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Sources;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

/// <summary>The model's critic judges prediction against ground truth at the model size, on the slices with foreground.</summary>
public sealed class CriticScorerTests
{
    [SkippableFact]
    public async Task A_perfect_prediction_is_at_distance_zero_and_only_foreground_slices_are_judged()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 8);
        var (series, annotation) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);
        var score = GroundTruthScorer.Score(annotation, series, phantom.Case.Labels, model.Manifest.Output.Classes);
        // Slices 0-2 emptied in both masks: they have nothing to judge and must be left out.
        var pairs = score.Pairs!.Select(p => new MaskPair(p.Label, p.Name, WithoutFirstSlices(p.Prediction, 3), WithoutFirstSlices(p.GroundTruth, 3))).ToList();
        var critic = new MaskL1Critic();

        var distance = await CriticScorer.ScoreAsync(critic, new DicomVolumeSource(series), model.Manifest, pairs);

        Assert.Equal(0.0, distance);
        var withLiver = Enumerable.Range(0, pairs[0].GroundTruth.Depth).Count(z => pairs.Any(p => p.GroundTruth.Slice(z).ContainsAnyExcept((byte)0)));
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
        var shifted = phantom.Case.Labels.Clone();
        Array.Clear(shifted.Array);
        Array.Copy(phantom.Case.Labels.Array, 0, shifted.Array, 4, shifted.Array.Length - 4);
        var score = GroundTruthScorer.Score(annotation, series, shifted, model.Manifest.Output.Classes);

        var distance = await CriticScorer.ScoreAsync(new MaskL1Critic(), new DicomVolumeSource(series), model.Manifest, score.Pairs!);

        Assert.NotNull(distance);
        Assert.InRange(distance.Value, 1e-4, 1.0);
    }

    [SkippableFact]
    public async Task No_matched_segment_gives_no_figure()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 48, slices: 6);
        var (series, _) = await Annotated(phantom);
        var model = new ThresholdModel(size: 32);

        Assert.Null(await CriticScorer.ScoreAsync(new MaskL1Critic(), new DicomVolumeSource(series), model.Manifest, []));
    }

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
