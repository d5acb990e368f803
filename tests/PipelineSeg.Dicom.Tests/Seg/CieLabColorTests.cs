using System.Globalization;
using PipelineSeg.Dicom.Seg;

namespace PipelineSeg.Dicom.Tests.Seg;

/// <summary>sRGB → DICOM CIELab against published values and an independent Python implementation of the CIE formulas.</summary>
public sealed class CieLabColorTests
{
    // Published sRGB (D65) → CIELab values (e.g. Bruce Lindbloom's calculator, colormine.org).
    public static TheoryData<byte, byte, byte, double, double, double> Published => new()
    {
        { 255, 0, 0, 53.2408, 80.0925, 67.2032 },
        { 0, 255, 0, 87.7347, -86.1827, 83.1793 },
        { 0, 0, 255, 32.2970, 79.1875, -107.8602 },
        { 255, 255, 255, 100.0, 0.0, 0.0 },
        { 0, 0, 0, 0.0, 0.0, 0.0 },
    };

    [SkippableTheory]
    [MemberData(nameof(Published))]
    public void Primaries_and_white_match_published_Lab(byte r, byte g, byte b, double l, double a, double bStar)
    {
        var lab = CieLabColor.ToLab(r, g, b);
        Assert.Equal(l, lab.L, 0.01);
        Assert.Equal(a, lab.A, 0.02);
        Assert.Equal(bStar, lab.B, 0.02);
    }

    [SkippableFact]
    public void The_DICOM_encoding_scales_L_to_0_65535_and_a_b_from_minus_128_127()
    {
        // White: L* 100 → 65535; a* = b* = 0 → 128 / 255 × 65535 = 32896.
        Assert.Equal(new ushort[] { 65535, 32896, 32896 }, CieLabColor.ToDicom(255, 255, 255));
        Assert.Equal(new ushort[] { 0, 32896, 32896 }, CieLabColor.ToDicom(0, 0, 0));
        // Red: round(53.2408 / 100 × 65535) = 34891, round((80.0925 + 128) / 255 × 65535) = 53480, round((67.2032 + 128) / 255 × 65535) = 50167.
        var red = CieLabColor.ToDicom(255, 0, 0);
        Assert.InRange(red[0], 34890, 34892);
        Assert.InRange(red[1], 53479, 53481);
        Assert.InRange(red[2], 50166, 50168);
    }

    private const string Reference = """
import sys
def lin(c):
    c = c / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
def f(t):
    d = 6.0 / 29.0
    return t ** (1.0 / 3.0) if t > d ** 3 else t / (3 * d * d) + 4.0 / 29.0
for rgb in sys.argv[1:]:
    r, g, b = (lin(int(v)) for v in rgb.split(','))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883
    L, A, B = 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))
    enc = [min(65535, max(0, round(v))) for v in (L * 65535 / 100, (A + 128) * 65535 / 255, (B + 128) * 65535 / 255)]
    print(' '.join(str(v) for v in enc))
""";

    [SkippableFact]
    public void Encoded_values_match_a_Python_reference_over_many_colours()
    {
        var rnd = new Random(11);
        List<(byte R, byte G, byte B)> colours = [(221, 130, 101), (255, 255, 0), (1, 2, 3)];
        colours.AddRange(Enumerable.Range(0, 60).Select(_ => ((byte)rnd.Next(256), (byte)rnd.Next(256), (byte)rnd.Next(256))));
        var lines = ExternalTool.RunPython(Reference, [.. colours.Select(c => $"{c.R},{c.G},{c.B}")])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(colours.Count, lines.Length);
        for (var i = 0; i < colours.Count; i++)
        {
            var expected = lines[i].Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var ours = CieLabColor.ToDicom(colours[i].R, colours[i].G, colours[i].B);
            for (var k = 0; k < 3; k++)
            {
                // ±1: Python rounds half to even, .NET's Math.Round too, but the cube roots may differ in the last bit.
                Assert.True(Math.Abs(expected[k] - ours[k]) <= 1, $"{colours[i]}: component {k} is {ours[k]}, Python {expected[k]}");
            }
        }
    }
}
