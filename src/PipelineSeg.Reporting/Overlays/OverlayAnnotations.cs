using SkiaSharp;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// Burns the "NOT FOR DIAGNOSIS" banner (top left) and the legend (bottom left: a swatch and name per segment, and the
/// dashed ground-truth key when ground truth is shown) into the image, on dark boxes so they read on any anatomy.
/// Text is sized from the image width so small phantoms and 512² CT look alike.
/// </summary>
internal static class OverlayAnnotations
{
    public static void Draw(OverlayImage image, OverlayScene scene, OverlayOptions options)
    {
        if (!options.Banner && !(options.Legend && scene.Segments.Count > 0))
        {
            return;
        }
        using var bitmap = SkiaRgb.ToBitmap(image);
        using (var canvas = new SKCanvas(bitmap))
        {
            // sized from the width, but short reformats (few slices) keep room for the anatomy
            using var font = new SKFont(SKTypeface.Default, Math.Max(9f, Math.Min(image.Width / 28f, image.Height / 10f)));
            var pad = font.Size / 3;
            if (options.Banner)
            {
                DrawBanner(canvas, font, pad);
            }
            if (options.Legend && scene.Segments.Count > 0)
            {
                DrawLegend(canvas, font, pad, image.Height, scene);
            }
        }
        SkiaRgb.CopyTo(bitmap, image.Rgb);
    }

    private static void DrawBanner(SKCanvas canvas, SKFont font, float pad)
    {
        var width = font.MeasureText(OverlayOptions.NotForDiagnosis);
        using var box = new SKPaint { Color = new SKColor(0, 0, 0, 190) };
        canvas.DrawRect(0, 0, width + (2 * pad), font.Size + (2 * pad), box);
        using var text = new SKPaint { Color = new SKColor(255, 220, 0), IsAntialias = true };
        canvas.DrawText(OverlayOptions.NotForDiagnosis, pad, pad + font.Size * 0.85f, SKTextAlign.Left, font, text);
    }

    private static void DrawLegend(SKCanvas canvas, SKFont font, float pad, int height, OverlayScene scene)
    {
        var rows = scene.Segments.Select(s => (s.Name, s.Color, Dashed: false)).ToList();
        if (scene.GroundTruth is not null)
        {
            rows.Add(("ground truth", ((byte)255, (byte)255, (byte)255), true));
        }
        var line = font.Size + pad;
        var swatch = font.Size * 0.8f;
        var widest = rows.Max(r => font.MeasureText(r.Name));
        var top = height - (rows.Count * line) - (2 * pad);
        using var box = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        canvas.DrawRect(0, top, widest + swatch + (4 * pad), height - top, box);
        using var text = new SKPaint { Color = SKColors.White, IsAntialias = true };
        for (var k = 0; k < rows.Count; k++)
        {
            var y = top + pad + (k * line);
            var (r, g, b) = rows[k].Color;
            using var fill = new SKPaint { Color = new SKColor(r, g, b), IsStroke = rows[k].Dashed, StrokeWidth = 1 };
            if (rows[k].Dashed)
            {
                using var dash = SKPathEffect.CreateDash([3, 3], 0);
                fill.PathEffect = dash;
                canvas.DrawRect(pad, y + ((line - swatch) / 2), swatch, swatch, fill);
            }
            else
            {
                canvas.DrawRect(pad, y + ((line - swatch) / 2), swatch, swatch, fill);
            }
            canvas.DrawText(rows[k].Name, swatch + (2 * pad), y + font.Size * 0.85f, SKTextAlign.Left, font, text);
        }
    }
}
