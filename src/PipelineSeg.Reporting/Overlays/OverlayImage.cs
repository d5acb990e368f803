using SkiaSharp;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>A rendered overlay: interleaved 8-bit RGB, row-major, top row first (the layout of DICOM RGB pixel data).</summary>
public sealed class OverlayImage
{
    /// <summary>Wraps <paramref name="rgb"/> (3 × width × height bytes; not copied).</summary>
    public OverlayImage(int width, int height, byte[] rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length != 3 * width * height)
        {
            throw new ArgumentException($"{rgb.Length} bytes for {width}×{height} RGB", nameof(rgb));
        }
        Width = width;
        Height = height;
        Rgb = rgb;
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Pixels, R G B per pixel.</summary>
    public byte[] Rgb { get; }

    /// <summary>The colour of pixel (x, y).</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = 3 * ((y * Width) + x);
            return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }
    }

    /// <summary>The image as PNG (lossless, so the pixels read back exactly).</summary>
    public byte[] ToPng()
    {
        using var bitmap = SkiaRgb.ToBitmap(this);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
