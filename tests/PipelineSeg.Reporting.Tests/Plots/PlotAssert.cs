using SkiaSharp;

namespace PipelineSeg.Reporting.Tests.Plots;

/// <summary>Checks shared by the plot tests: a PNG that decodes to the asked size, and two renderings that differ in pixels.</summary>
internal static class PlotAssert
{
    public static SKBitmap Decodes(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        return bitmap;
    }

    public static void Differ(byte[] a, byte[] b, int minimumPixels = 200)
    {
        using var x = SKBitmap.Decode(a);
        using var y = SKBitmap.Decode(b);
        var differing = 0;
        for (var j = 0; j < x.Height; j++)
        {
            for (var i = 0; i < x.Width; i++)
            {
                differing += x.GetPixel(i, j) != y.GetPixel(i, j) ? 1 : 0;
            }
        }
        Assert.True(differing >= minimumPixels, $"only {differing} pixels differ between plots of different data");
    }

    /// <summary>More than a handful of distinct colours: something was drawn, not a blank canvas.</summary>
    public static void NotBlank(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (var j = 0; j < bitmap.Height; j += 2)
        {
            for (var i = 0; i < bitmap.Width; i += 2)
            {
                colours.Add(bitmap.GetPixel(i, j));
            }
        }
        Assert.True(colours.Count > 10, $"{colours.Count} colours: a blank image");
    }
}
