using PipelineSeg.Reporting.Overlays;

namespace PipelineSeg.Reporting.Tests.Overlays;

public sealed class OverlayRendererTests
{
    private static readonly OverlayOptions Plain = new() { Legend = false, Banner = false };

    [SkippableFact]
    public void Every_contour_pixel_lies_on_a_label_boundary_and_every_boundary_pixel_is_contoured()
    {
        var scene = SyntheticScene.Create(groundTruth: false);
        var z = scene.Image.Depth / 2;
        var image = OverlayRenderer.Render(scene, SlicePlane.Axial, z, Plain);
        var labels = scene.Labels!.Slice(z).ToArray();
        var contours = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                foreach (var segment in scene.Segments)
                {
                    var onBoundary = LabelBoundary.IsBoundary(labels, image.Width, image.Height, x, y, segment.Label);
                    // the test image is grey and the fill is a blend, so only a contour pixel is exactly the segment colour
                    var isContour = image[x, y] == segment.Color;
                    Assert.True(onBoundary == isContour, $"pixel ({x},{y}) segment {segment.Name}: boundary {onBoundary}, contour {isContour}");
                    contours += isContour ? 1 : 0;
                }
            }
        }
        Assert.True(contours > 20, $"only {contours} contour pixels");
    }

    [SkippableFact]
    public void Interior_pixels_blend_grey_and_segment_colour_by_the_fill_opacity_and_background_stays_grey()
    {
        var scene = SyntheticScene.Create(groundTruth: false);
        var z = scene.Image.Depth / 2;
        var options = Plain with { FillOpacity = 0.4 };
        var image = OverlayRenderer.Render(scene, SlicePlane.Axial, z, options);
        var labels = scene.Labels!.Slice(z).ToArray();
        int interior = 0, background = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var grey = scene.Window.Map(scene.Image[x, y, z]);
                var label = labels[(y * image.Width) + x];
                var segment = scene.Segments.SingleOrDefault(s => s.Label == label);
                if (segment is null)
                {
                    Assert.Equal((grey, grey, grey), image[x, y]);
                    background++;
                }
                else if (!LabelBoundary.IsBoundary(labels, image.Width, image.Height, x, y, label))
                {
                    var (r, g, b) = segment.Color;
                    var expected = (Mix(grey, r, 0.4), Mix(grey, g, 0.4), Mix(grey, b, 0.4));
                    Assert.Equal(expected, image[x, y]);
                    interior++;
                }
            }
        }
        Assert.True(interior > 50 && background > 50, $"interior {interior}, background {background}");
    }

    [SkippableTheory]
    [InlineData(SlicePlane.Axial, 48, 40)]     // 48×40 voxels of 1 mm
    [InlineData(SlicePlane.Coronal, 48, 36)]   // x 48 mm across, z 12 slices × 3 mm = 36 mm down
    [InlineData(SlicePlane.Sagittal, 40, 36)]  // y 40 mm across, 36 mm down
    public void Reformats_have_square_millimetre_pixels(SlicePlane plane, int width, int height)
    {
        var scene = SyntheticScene.Create();
        var image = OverlayRenderer.Render(scene, plane, 5, Plain);
        Assert.Equal((width, height), (image.Width, image.Height));
        var zoomed = OverlayRenderer.Render(scene, plane, 5, Plain with { Zoom = 2 });
        Assert.Equal((2 * width, 2 * height), (zoomed.Width, zoomed.Height));
    }

    [SkippableFact]
    public void Source_grid_keeps_one_pixel_per_voxel()
    {
        var scene = SyntheticScene.Create(spacingXy: 0.7);
        var image = OverlayRenderer.Render(scene, SlicePlane.Coronal, 3, Plain with { SourceGrid = true });
        Assert.Equal((48, 12), (image.Width, image.Height));
    }

    [SkippableFact]
    public void Coronal_reformat_puts_the_superior_end_at_the_top()
    {
        // z increases superiorly (identity direction): a label only in the last slice must appear in the top rows
        var scene = SyntheticScene.Create(groundTruth: false);
        scene.Labels!.Span.Clear();
        for (var x = 0; x < scene.Image.Width; x++)
        {
            scene.Labels[x, 20, scene.Image.Depth - 1] = 1;
        }
        var image = OverlayRenderer.Render(scene, SlicePlane.Coronal, 20, Plain);
        Assert.Equal(SyntheticScene.Liver.Color, image[10, 0]);
        Assert.NotEqual(SyntheticScene.Liver.Color, image[10, image.Height - 1]);
    }

    [SkippableFact]
    public void Ground_truth_is_a_dashed_contour_on_its_own_boundary()
    {
        var scene = SyntheticScene.Create() with { Labels = null };
        var z = scene.Image.Depth / 2;
        var image = OverlayRenderer.Render(scene, SlicePlane.Axial, z, Plain);
        var truth = scene.GroundTruth!.Slice(z).ToArray();
        int drawn = 0, gaps = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var grey = scene.Window.Map(scene.Image[x, y, z]);
                var painted = image[x, y] != (grey, grey, grey);
                var boundary = scene.Segments.Any(s => LabelBoundary.IsBoundary(truth, image.Width, image.Height, x, y, s.Label));
                Assert.False(painted && !boundary, $"pixel ({x},{y}) painted off the ground-truth boundary");
                drawn += painted ? 1 : 0;
                gaps += boundary && !painted ? 1 : 0;
            }
        }
        Assert.True(drawn > 10 && gaps > 10, $"drawn {drawn}, gaps {gaps}: not a dashed line");
    }

    [SkippableFact]
    public void Banner_and_legend_are_burned_in_and_the_png_decodes_to_the_same_pixels()
    {
        var scene = SyntheticScene.Create(nx: 160, ny: 160);
        var plain = OverlayRenderer.Render(scene, SlicePlane.Axial, 6, Plain);
        var annotated = OverlayRenderer.Render(scene, SlicePlane.Axial, 6);
        var changed = Enumerable.Range(0, plain.Rgb.Length).Count(i => plain.Rgb[i] != annotated.Rgb[i]);
        Assert.True(changed > 500, $"banner and legend changed only {changed} bytes");
        using var decoded = SkiaSharp.SKBitmap.Decode(annotated.ToPng());
        Assert.Equal((annotated.Width, annotated.Height), (decoded.Width, decoded.Height));
        var (r, g, b) = annotated[100, 80];
        Assert.Equal(new SkiaSharp.SKColor(r, g, b), decoded.GetPixel(100, 80));
    }

    private static byte Mix(byte grey, byte colour, double a) => (byte)Math.Round((grey * (1 - a)) + (colour * a), MidpointRounding.AwayFromZero);
}
