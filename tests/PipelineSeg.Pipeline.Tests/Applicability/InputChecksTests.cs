using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Tests.Applicability;

public sealed class InputChecksTests
{
    private static IntensitySample Sample(double[] frequencies) => new([0], [new byte[1]], frequencies, 100);

    [SkippableFact]
    public void A_series_inside_the_card_passes_every_check()
    {
        var checks = InputChecks.Evaluate(Cards.Facts(), Cards.Abdomen(), Sample([0.25, 0.25, 0.25, 0.25]), null);
        Assert.Equal(["modality", "bodyPart", "plane", "inPlaneSpacing", "sliceThickness", "fieldOfView", "intensityHistogram"], checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.Equal(CheckVerdict.Pass, c.Verdict));
    }

    [SkippableFact]
    public void An_MR_series_fails_the_modality_check_which_blocks()
    {
        var modality = InputChecks.Evaluate(Cards.Facts("MR"), Cards.Abdomen(), null, null).Single(c => c.Name == "modality");
        Assert.Equal(CheckVerdict.Fail, modality.Verdict);
        Assert.True(modality.Blocking);
        Assert.Equal(("MR", "CT"), (modality.Figure, modality.Expected));
    }

    [SkippableFact]
    public void A_spacing_outside_the_range_fails_and_names_the_figure()
    {
        var spacing = InputChecks.Evaluate(Cards.Facts(spacing: 0.57), Cards.Abdomen(), null, null).Single(c => c.Name == "inPlaneSpacing");
        Assert.Equal(CheckVerdict.Fail, spacing.Verdict);
        Assert.False(spacing.Blocking);
        Assert.Equal("0.57 mm", spacing.Figure);
        Assert.Contains("0.57 mm is outside the model's range 1–3 mm", spacing.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unstated_body_part_is_a_warning_not_a_failure()
    {
        var facts = Cards.Facts() with { BodyPart = null };
        var check = InputChecks.Evaluate(facts, Cards.Abdomen(), null, null).Single(c => c.Name == "bodyPart");
        Assert.Equal(CheckVerdict.Warn, check.Verdict);
        Assert.Equal("not stated", check.Figure);
    }

    [SkippableFact]
    public void The_histogram_distance_is_compared_with_the_card_or_the_override()
    {
        double[] shifted = [0, 0.25, 0.25, 0.5]; // CDF gaps 0.25 x 3 bins of 0.25: W1 = 0.1875
        var distance = HistogramDistance.Wasserstein1(shifted, [0.25, 0.25, 0.25, 0.25], 1);
        Assert.Equal(0.1875, distance, 12);
        var card = Cards.Abdomen(maxDistance: distance / 2);
        var failed = InputChecks.Evaluate(Cards.Facts(), card, Sample(shifted), null).Single(c => c.Name == "intensityHistogram");
        Assert.Equal(CheckVerdict.Fail, failed.Verdict);
        Assert.Contains("intensity histogram distance (Wasserstein-1", failed.Message, StringComparison.Ordinal);
        var overridden = InputChecks.Evaluate(Cards.Facts(), card, Sample(shifted), distance * 2).Single(c => c.Name == "intensityHistogram");
        Assert.Equal(CheckVerdict.Pass, overridden.Verdict);
    }

    [SkippableFact]
    public void A_sample_without_body_voxels_fails_the_histogram_check()
    {
        var check = InputChecks.Histogram(Cards.Abdomen().Intensity!, new IntensitySample([0, 1], [new byte[4], new byte[4]], new double[4], 0), 0.05);
        Assert.Equal(CheckVerdict.Fail, check.Verdict);
        Assert.Equal("no body voxels", check.Figure);
    }
}
