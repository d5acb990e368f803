namespace PipelineSeg.Dicom.Seg;

/// <summary>
/// sRGB → CIELab (D65) in DICOM's scaled encoding (PS3.3 C.10.7.1.1): L* 0..100 and a*, b* −128..127 mapped linearly onto
/// 0..65535. Viewers convert back with the same white point, so the manifest colour is the colour they draw.
/// </summary>
public static class CieLabColor
{
    // D65 reference white of sRGB (IEC 61966-2-1), normalised to Y = 1.
    private const double WhiteX = 0.95047;
    private const double WhiteZ = 1.08883;
    private const double Epsilon = 6.0 / 29.0;

    /// <summary>The unscaled L*, a*, b* of an 8-bit sRGB colour.</summary>
    public static (double L, double A, double B) ToLab(byte red, byte green, byte blue)
    {
        var r = Linear(red);
        var g = Linear(green);
        var b = Linear(blue);
        var x = (0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b);
        var y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        var z = (0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b);
        var fx = F(x / WhiteX);
        var fy = F(y);
        var fz = F(z / WhiteZ);
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>Recommended Display CIELab Value of an 8-bit sRGB colour: scaled, rounded and clamped unsigned 16-bit L*, a*, b*.</summary>
    public static ushort[] ToDicom(byte red, byte green, byte blue)
    {
        var (l, a, b) = ToLab(red, green, blue);
        return [Scale(l / 100.0), Scale((a + 128) / 255.0), Scale((b + 128) / 255.0)];
    }

    private static double Linear(byte channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static double F(double t) =>
        t > Epsilon * Epsilon * Epsilon ? Math.Cbrt(t) : (t / (3 * Epsilon * Epsilon)) + (4.0 / 29.0);

    private static ushort Scale(double fraction) => (ushort)Math.Clamp(Math.Round(fraction * 65535.0), 0, 65535);
}
