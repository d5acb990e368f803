namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// Paints a plane section into RGB: the windowed grey image; per segment a translucent fill of its interior
/// (grey·(1−a) + colour·a, rounded) and its opaque 1-pixel boundary; the ground truth's boundary dashed, in the segment
/// colour lightened halfway to white so it reads apart from the prediction.
/// </summary>
internal static class OverlayCompositor
{
    private const int DashLength = 3;

    public static byte[] Paint(PlaneSection section, OverlayScene scene, OverlayOptions options)
    {
        var (w, h) = (section.Width, section.Height);
        var rgb = new byte[3 * w * h];
        for (var o = 0; o < w * h; o++)
        {
            var g = scene.Window.Map(section.Image[o]);
            rgb[3 * o] = rgb[(3 * o) + 1] = rgb[(3 * o) + 2] = g;
        }
        foreach (var segment in scene.Segments)
        {
            if (section.Labels is { } labels)
            {
                PaintSegment(rgb, labels, w, h, segment, options.FillOpacity);
            }
        }
        foreach (var segment in scene.Segments)
        {
            if (section.GroundTruth is { } truth)
            {
                PaintDashedBoundary(rgb, truth, w, h, segment);
            }
        }
        return rgb;
    }

    /// <summary>The fill value of one channel: grey·(1−a) + colour·a, rounded half away from zero.</summary>
    public static byte Blend(byte grey, byte colour, double opacity) =>
        (byte)Math.Round((grey * (1 - opacity)) + (colour * opacity), MidpointRounding.AwayFromZero);

    private static void PaintSegment(byte[] rgb, byte[] labels, int w, int h, OverlaySegment segment, double opacity)
    {
        var (r, g, b) = segment.Color;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var o = (y * w) + x;
                if (labels[o] != segment.Label)
                {
                    continue;
                }
                var p = 3 * o;
                if (LabelBoundary.IsBoundary(labels, w, h, x, y, segment.Label))
                {
                    (rgb[p], rgb[p + 1], rgb[p + 2]) = (r, g, b);
                }
                else
                {
                    (rgb[p], rgb[p + 1], rgb[p + 2]) = (Blend(rgb[p], r, opacity), Blend(rgb[p + 1], g, opacity), Blend(rgb[p + 2], b, opacity));
                }
            }
        }
    }

    private static void PaintDashedBoundary(byte[] rgb, byte[] truth, int w, int h, OverlaySegment segment)
    {
        var (r, g, b) = segment.Color;
        var light = ((byte)((r + 255) / 2), (byte)((g + 255) / 2), (byte)((b + 255) / 2));
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // dashes along both axes: on for DashLength pixels, off for as many
                if (((x + y) / DashLength) % 2 == 0 && LabelBoundary.IsBoundary(truth, w, h, x, y, segment.Label))
                {
                    var p = 3 * ((y * w) + x);
                    (rgb[p], rgb[p + 1], rgb[p + 2]) = light;
                }
            }
        }
    }
}
