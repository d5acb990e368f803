using PipelineSeg.Phantoms.Generation;
using PipelineSeg.Pipeline.GroundTruth;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.GroundTruth;

public sealed class GroundTruthScorerTests
{
    [SkippableFact]
    public async Task The_phantom_labels_score_perfectly_against_their_own_SEG()
    {
        // Proves the whole chain: SEG writer frame placement, reader, segment-to-class matching, grid alignment.
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 8);
        var scan = await SeriesIntake.ScanAsync(phantom.Root);
        var index = GroundTruthIndex.Build(scan.GroundTruth);
        var series = Assert.Single(scan.Candidates);
        var annotation = index.For(series.SeriesInstanceUid);
        Assert.NotNull(annotation);

        var classes = new ThresholdModel().Manifest.Output.Classes;
        var score = GroundTruthScorer.Score(annotation, series, phantom.Case.Labels, classes);

        // the ground-truth liver includes the lesions (LiTS); the model's liver contains lesion, so it is scored the same way
        var liver = Assert.Single(score.Segments, s => s.Name == "liver");
        Assert.Equal(1.0, liver.Dice, 12);
        Assert.Equal(phantom.Case.CountLabel(PhantomLabels.Liver) + phantom.Case.CountLabel(PhantomLabels.Lesion), liver.GroundTruthVoxels);
        Assert.Equal(liver.GroundTruthVoxels, liver.PredictedVoxels);
        var lesion = Assert.Single(score.Segments, s => s.Name == "lesion");
        Assert.Equal(phantom.Case.CountLabel(PhantomLabels.Lesion), lesion.GroundTruthVoxels);
        Assert.Empty(score.Unmatched);
    }

    [SkippableFact]
    public async Task A_shifted_prediction_scores_below_one()
    {
        using var phantom = await PhantomFolder.CreateAsync(seed: 5, size: 64, slices: 8);
        var scan = await SeriesIntake.ScanAsync(phantom.Root);
        var series = Assert.Single(scan.Candidates);
        var annotation = GroundTruthIndex.Build(scan.GroundTruth).For(series.SeriesInstanceUid)!;
        var shifted = phantom.Case.Labels.Clone();
        var src = phantom.Case.Labels.Array;
        var dst = shifted.Array;
        Array.Clear(dst);
        Array.Copy(src, 0, dst, 3, src.Length - 3); // three voxels along x

        var score = GroundTruthScorer.Score(annotation, series, shifted, new ThresholdModel().Manifest.Output.Classes);

        var liver = Assert.Single(score.Segments, s => s.Name == "liver");
        Assert.InRange(liver.Dice, 0.3, 0.99);
        Assert.Empty(liver.Undefined);
    }
}
