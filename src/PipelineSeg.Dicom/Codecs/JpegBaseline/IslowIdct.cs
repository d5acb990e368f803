using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// The accurate integer inverse DCT of the IJG library (jidctint.c, "islow"), which dcmtk and libjpeg use by
/// default: same constants, same rounding, so decoded samples match theirs. 12-bit data uses PASS1_BITS = 1.
/// </summary>
[SkipLocalsInit]
internal static class IslowIdct
{
    private const int ConstBits = 13;
    private const long Fix0298631336 = 2446, Fix0390180644 = 3196, Fix0541196100 = 4433, Fix0765366865 = 6270,
        Fix0899976223 = 7373, Fix1175875602 = 9633, Fix1501321110 = 12299, Fix1847759065 = 15137,
        Fix1961570560 = 16069, Fix2053119869 = 16819, Fix2562915447 = 20995, Fix3072711026 = 25172;

    /// <summary>
    /// Transforms one block of dequantised coefficients (natural order) into samples written at
    /// output[0..7 + 7 * stride], level-shifted and clamped to 0..2^precision − 1.
    /// </summary>
    public static void Transform(ReadOnlySpan<int> coefficients, int precision, Span<ushort> output, int stride)
    {
        var pass1Bits = precision == 8 ? 2 : 1;
        var center = 1 << (precision - 1);
        var max = (1 << precision) - 1;
        Span<long> workspace = stackalloc long[64];

        for (var col = 0; col < 8; col++)
        {
            if (coefficients[8 + col] == 0 && coefficients[16 + col] == 0 && coefficients[24 + col] == 0 && coefficients[32 + col] == 0
                && coefficients[40 + col] == 0 && coefficients[48 + col] == 0 && coefficients[56 + col] == 0)
            {
                var dc = (long)coefficients[col] << pass1Bits;
                for (var r = 0; r < 8; r++)
                {
                    workspace[(r * 8) + col] = dc;
                }
                continue;
            }
            Butterfly(coefficients[col], coefficients[8 + col], coefficients[16 + col], coefficients[24 + col], coefficients[32 + col],
                coefficients[40 + col], coefficients[48 + col], coefficients[56 + col], ConstBits - pass1Bits, workspace[col..], 8);
        }

        Span<long> row = stackalloc long[8];
        for (var r = 0; r < 8; r++)
        {
            var w = workspace.Slice(r * 8, 8);
            var outRow = output[(r * stride)..];
            var shift = ConstBits + pass1Bits + 3;
            if (w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 && w[5] == 0 && w[6] == 0 && w[7] == 0)
            {
                var value = Clamp(Descale(w[0], pass1Bits + 3) + center, max);
                outRow[..8].Fill(value);
                continue;
            }
            Butterfly(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], shift, row, 1);
            for (var c = 0; c < 8; c++)
            {
                outRow[c] = Clamp(row[c] + center, max);
            }
        }
    }

    /// <summary>
    /// A block whose AC coefficients are all zero: both passes reduce to one rounded shift of the DC term (the same
    /// arithmetic as the zero-column / zero-row shortcuts of jidctint.c), written to all 64 samples.
    /// </summary>
    public static void TransformDcOnly(int dc, int precision, Span<ushort> output, int stride)
    {
        var pass1Bits = precision == 8 ? 2 : 1;
        var value = Clamp(Descale((long)dc << pass1Bits, pass1Bits + 3) + (1 << (precision - 1)), (1 << precision) - 1);
        for (var r = 0; r < 8; r++)
        {
            output.Slice(r * stride, 8).Fill(value);
        }
    }

    /// <summary>One 8-point islow pass; results descaled by <paramref name="shift"/> into out[k * step].</summary>
    private static void Butterfly(long in0, long in1, long in2, long in3, long in4, long in5, long in6, long in7, int shift, Span<long> output, int step)
    {
        // Even part.
        var z2 = in2;
        var z3 = in6;
        var z1 = (z2 + z3) * Fix0541196100;
        var tmp2 = z1 + (z3 * -Fix1847759065);
        var tmp3 = z1 + (z2 * Fix0765366865);
        var tmp0 = (in0 + in4) << ConstBits;
        var tmp1 = (in0 - in4) << ConstBits;
        var tmp10 = tmp0 + tmp3;
        var tmp13 = tmp0 - tmp3;
        var tmp11 = tmp1 + tmp2;
        var tmp12 = tmp1 - tmp2;

        // Odd part.
        tmp0 = in7;
        tmp1 = in5;
        tmp2 = in3;
        tmp3 = in1;
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        var z4 = tmp1 + tmp3;
        var z5 = (z3 + z4) * Fix1175875602;
        tmp0 *= Fix0298631336;
        tmp1 *= Fix2053119869;
        tmp2 *= Fix3072711026;
        tmp3 *= Fix1501321110;
        z1 *= -Fix0899976223;
        z2 *= -Fix2562915447;
        z3 *= -Fix1961570560;
        z4 *= -Fix0390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        output[0] = Descale(tmp10 + tmp3, shift);
        output[7 * step] = Descale(tmp10 - tmp3, shift);
        output[1 * step] = Descale(tmp11 + tmp2, shift);
        output[6 * step] = Descale(tmp11 - tmp2, shift);
        output[2 * step] = Descale(tmp12 + tmp1, shift);
        output[5 * step] = Descale(tmp12 - tmp1, shift);
        output[3 * step] = Descale(tmp13 + tmp0, shift);
        output[4 * step] = Descale(tmp13 - tmp0, shift);
    }

    private static long Descale(long x, int n) => (x + (1L << (n - 1))) >> n;

    private static ushort Clamp(long value, int max) => (ushort)(value < 0 ? 0 : value > max ? max : value);
}
