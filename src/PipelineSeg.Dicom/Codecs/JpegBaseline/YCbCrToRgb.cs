namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// JFIF YCbCr → RGB with IJG libjpeg's fixed-point tables (jdcolor.c, 16 fraction bits), so results match
/// dcmdjpeg and libjpeg bit for bit. Works for 8- and 12-bit samples.
/// </summary>
internal static class YCbCrToRgb
{
    private const int ScaleBits = 16;
    private const int OneHalf = 1 << (ScaleBits - 1);

    private static int Fix(double x) => (int)((x * (1 << ScaleBits)) + 0.5);

    /// <summary>Converts the three full-resolution planes in place (Y→R, Cb→G, Cr→B).</summary>
    public static void Convert(Span<ushort> y, Span<ushort> cb, Span<ushort> cr, int precision)
    {
        var max = (1 << precision) - 1;
        var center = 1 << (precision - 1);
        // Per-value table terms, as jdcolor.c build_ycc_rgb_table computes them.
        var crR = new int[max + 1];
        var cbB = new int[max + 1];
        var crG = new int[max + 1];
        var cbG = new int[max + 1];
        for (int i = 0, x = -center; i <= max; i++, x++)
        {
            crR[i] = ((Fix(1.40200) * x) + OneHalf) >> ScaleBits;
            cbB[i] = ((Fix(1.77200) * x) + OneHalf) >> ScaleBits;
            crG[i] = -Fix(0.71414) * x;
            cbG[i] = (-Fix(0.34414) * x) + OneHalf;
        }
        for (var i = 0; i < y.Length; i++)
        {
            int luma = y[i], blue = cb[i] & max, red = cr[i] & max;
            y[i] = Clamp(luma + crR[red], max);
            cb[i] = Clamp(luma + ((cbG[blue] + crG[red]) >> ScaleBits), max);
            cr[i] = Clamp(luma + cbB[blue], max);
        }
    }

    private static ushort Clamp(int value, int max) => (ushort)(value < 0 ? 0 : value > max ? max : value);
}
