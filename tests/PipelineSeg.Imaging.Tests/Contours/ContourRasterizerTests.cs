using PipelineSeg.Imaging.Contours;

namespace PipelineSeg.Imaging.Tests.Contours;

public sealed class ContourRasterizerTests
{
    private static PlanarContour Square(double x0, double y0, double x1, double y1) => new([x0, y0, x1, y0, x1, y1, x0, y1]);

    [SkippableFact]
    public void Nested_contours_XOR_a_hole_inside_an_outline_stays_empty_and_an_island_in_the_hole_is_filled()
    {
        var slice = new byte[9 * 9];
        ContourRasterizer.Fill([Square(-0.5, -0.5, 8.5, 8.5), Square(1.5, 1.5, 6.5, 6.5), Square(3.5, 3.5, 4.5, 4.5)], slice, 9, 9);
        Assert.Equal(1, slice[0]);
        Assert.Equal(0, slice[(2 * 9) + 2]);
        Assert.Equal(1, slice[(4 * 9) + 4]);
        Assert.Equal(81 - 25 + 1, slice.Count(v => v != 0));
    }

    [SkippableFact]
    public void Only_pixel_centres_strictly_inside_count_and_the_slice_clips()
    {
        var slice = new byte[4 * 4];
        ContourRasterizer.Fill([Square(0.2, 0.2, 2.0, 9.0)], slice, 4, 4);
        // Centres x = 1 (0.2 < 1 < 2.0; x = 2 lies on the edge) and y = 1, 2, 3 (clipped at the slice).
        Assert.Equal(3, slice.Count(v => v != 0));
        Assert.Equal(1, slice[(1 * 4) + 1]);
    }
}
