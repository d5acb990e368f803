using System.Runtime.InteropServices;
using SkiaSharp;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>Copies between our packed RGB and Skia's RGBA bitmaps (Skia has no 24-bit pixel format).</summary>
internal static class SkiaRgb
{
    public static SKBitmap ToBitmap(OverlayImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[image.Width * image.Height * 4];
        for (int p = 0, q = 0; p < image.Rgb.Length; p += 3, q += 4)
        {
            rgba[q] = image.Rgb[p];
            rgba[q + 1] = image.Rgb[p + 1];
            rgba[q + 2] = image.Rgb[p + 2];
            rgba[q + 3] = 255;
        }
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }

    public static void CopyTo(SKBitmap bitmap, byte[] rgb)
    {
        var rgba = new byte[bitmap.Width * bitmap.Height * 4];
        Marshal.Copy(bitmap.GetPixels(), rgba, 0, rgba.Length);
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgb[p] = rgba[q];
            rgb[p + 1] = rgba[q + 1];
            rgb[p + 2] = rgba[q + 2];
        }
    }
}
