using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Applicability;

namespace PipelineSeg.Pipeline.Tests.Applicability;

public sealed class ResultChecksTests
{
    /// <summary>20 x 20 x 4 voxels of 2 x 2 x 2.5 mm (0.01 mL each).</summary>
    private static Volume<byte> Labels() => new(new VolumeSize(20, 20, 4), VolumeGeometry.WithSpacing(2, 2, 2.5));

    private static void Box(Volume<byte> v, int x0, int x1, int y0, int y1, int z0, int z1, byte label)
    {
        for (var z = z0; z < z1; z++)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    v[x, y, z] = label;
                }
            }
        }
    }

    private static ApplicabilityCheck Find(IReadOnlyList<ApplicabilityCheck> checks, string name, string segment) =>
        checks.Single(c => c.Name == name && c.Segment == segment);

    [SkippableFact]
    public void A_plausible_liver_passes()
    {
        var labels = Labels();
        Box(labels, 5, 15, 5, 15, 0, 4, 1); // 400 voxels x 0.01 mL = 4 mL
        var checks = ResultChecks.Evaluate(labels, Cards.Classes, Cards.Abdomen(), null);
        Assert.All(checks.Where(c => c.Segment == "liver"), c => Assert.Equal(CheckVerdict.Pass, c.Verdict));
        Assert.Equal("4 mL", Find(checks, "segmentVolume", "liver").Figure);
    }

    [SkippableFact]
    public void A_volume_outside_the_range_is_flagged_with_the_segment_and_the_figure()
    {
        var labels = Labels();
        Box(labels, 1, 19, 1, 19, 0, 4, 1); // 1296 voxels = 12.96 mL > 10
        var volume = Find(ResultChecks.Evaluate(labels, Cards.Classes, Cards.Abdomen(), null), "segmentVolume", "liver");
        Assert.Equal(CheckVerdict.Fail, volume.Verdict);
        Assert.Equal(("13 mL", "1–10 mL"), (volume.Figure, volume.Expected));
        Assert.Equal("liver volume 13 mL is outside the expected 1–10 mL", volume.Message);
    }

    [SkippableFact]
    public void An_empty_always_present_segment_is_flagged_and_an_optional_one_is_not()
    {
        var checks = ResultChecks.Evaluate(Labels(), Cards.Classes, Cards.Abdomen(), null);
        Assert.Equal(CheckVerdict.Fail, Find(checks, "segmentPresent", "liver").Verdict);
        Assert.Contains("liver is empty", Find(checks, "segmentPresent", "liver").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(checks, c => c.Segment == "lesion" && c.Verdict != CheckVerdict.Pass);
    }

    [SkippableFact]
    public void Too_many_components_and_the_in_plane_border_are_flagged()
    {
        var labels = Labels();
        Box(labels, 0, 5, 5, 10, 0, 4, 1);   // touches x = 0: 20 border voxels
        Box(labels, 10, 15, 5, 10, 0, 4, 1); // a second component
        var checks = ResultChecks.Evaluate(labels, Cards.Classes, Cards.Abdomen(), null);
        Assert.Equal(("2", CheckVerdict.Fail), (Find(checks, "segmentComponents", "liver").Figure, Find(checks, "segmentComponents", "liver").Verdict));
        Assert.Equal(("20 voxels", CheckVerdict.Fail), (Find(checks, "segmentAtBorder", "liver").Figure, Find(checks, "segmentAtBorder", "liver").Verdict));
        Assert.Equal(20, ResultChecks.BorderVoxels(labels, 1));
    }

    [SkippableFact]
    public void A_segment_in_air_on_the_sampled_slices_lies_outside_the_body()
    {
        var labels = Labels();
        Box(labels, 5, 15, 5, 15, 0, 4, 1);
        var body = new byte[400];
        for (var y = 5; y < 10; y++)
        {
            for (var x = 5; x < 15; x++)
            {
                body[(y * 20) + x] = 1; // only the upper half of the liver box is inside the body
            }
        }
        var sample = new IntensitySample([1, 3], [body, body], [1, 0, 0, 0], 100);
        var outside = Find(ResultChecks.Evaluate(labels, Cards.Classes, Cards.Abdomen(), sample), "segmentOutsideBody", "liver");
        Assert.Equal(CheckVerdict.Fail, outside.Verdict);
        Assert.Equal("50.0%", outside.Figure);
    }
}
