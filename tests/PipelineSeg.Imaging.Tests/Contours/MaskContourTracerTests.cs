using PipelineSeg.Imaging.Contours;

namespace PipelineSeg.Imaging.Tests.Contours;

public sealed class MaskContourTracerTests
{
    private static byte[] Mask(params string[] rows) =>
        [.. rows.SelectMany(r => r.Select(c => c == '#' ? (byte)1 : (byte)0))];

    [SkippableFact]
    public void A_single_pixel_is_a_square_on_its_edges()
    {
        var contour = Assert.Single(MaskContourTracer.Trace(Mask("...", ".#.", "..."), 3, 3));
        Assert.Equal([0.5, 0.5, 1.5, 0.5, 1.5, 1.5, 0.5, 1.5], contour.Points);
        Assert.Equal(1, contour.SignedArea());
    }

    [SkippableFact]
    public void A_ring_gives_an_outer_contour_and_a_hole_of_opposite_orientation()
    {
        var contours = MaskContourTracer.Trace(Mask("#####", "#...#", "#...#", "#####"), 5, 4);
        Assert.Equal(2, contours.Count);
        Assert.Equal([20.0, -6.0], contours.Select(c => c.SignedArea()).Order().Reverse());
        Assert.All(contours, c => Assert.Equal(4, c.Count)); // collinear corners are dropped
    }

    [SkippableFact]
    public void Pixels_touching_at_a_corner_are_separate_contours_sharing_the_corner()
    {
        var contours = MaskContourTracer.Trace(Mask("#.", ".#"), 2, 2);
        Assert.Equal(2, contours.Count);
        Assert.All(contours, c => Assert.Equal(1, c.SignedArea()));
    }

    [SkippableFact]
    public void An_empty_mask_has_no_contour() => Assert.Empty(MaskContourTracer.Trace(new byte[12], 4, 3));

    [SkippableTheory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.3)]
    [InlineData(3, 0.7)]
    [InlineData(4, 0.55)]
    public void Random_masks_with_holes_islands_and_diagonals_rasterise_back_exactly_by_the_even_odd_rule(int seed, double density)
    {
        const int width = 41, height = 37;
        var random = new Random(seed);
        var mask = new byte[width * height];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextDouble() < density ? (byte)1 : (byte)0;
        }
        var contours = MaskContourTracer.Trace(mask, width, height);
        var back = new byte[mask.Length];
        ContourRasterizer.Fill(contours, back, width, height);
        Assert.Equal(mask, back);
        Assert.Equal(mask.Count(v => v != 0), contours.Sum(c => c.SignedArea()), 6);
    }
}
