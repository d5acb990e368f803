using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>The coding parameters of a JPEG-LS scan (T.87 A.2.1 and C.2.4.1.1), defaults filled in.</summary>
internal sealed class JpegLsParameters
{
    public JpegLsParameters(int precision, int near, JpegLsPresets? presets)
    {
        if (precision is < 2 or > 16)
        {
            throw new DicomFormatException($"JPEG-LS: sample precision {precision}");
        }
        var p = presets ?? default;
        MaxValue = p.MaxValue > 0 ? p.MaxValue : (1 << precision) - 1;
        if (near < 0 || near > Math.Min(255, MaxValue / 2))
        {
            throw new DicomFormatException($"JPEG-LS: NEAR {near} for MAXVAL {MaxValue}");
        }
        Near = near;
        Range = ((MaxValue + (2 * near)) / ((2 * near) + 1)) + 1;
        Qbpp = CeilLog2(Range);
        var bpp = Math.Max(2, CeilLog2(MaxValue + 1));
        Limit = 2 * (bpp + Math.Max(8, bpp));
        Reset = p.Reset > 0 ? p.Reset : 64;
        var (t1, t2, t3) = DefaultThresholds(MaxValue, near);
        T1 = p.T1 > 0 ? p.T1 : t1;
        T2 = p.T2 > 0 ? p.T2 : t2;
        T3 = p.T3 > 0 ? p.T3 : t3;
        if (!(near < T1 && T1 <= T2 && T2 <= T3 && T3 <= MaxValue) && presets is not null)
        {
            // Out-of-range presets are decoded as given by most decoders; only reject orderings that break quantisation.
            if (T1 > T2 || T2 > T3)
            {
                throw new DicomFormatException($"JPEG-LS: thresholds T1={T1} T2={T2} T3={T3} are not ordered");
            }
        }
    }

    public int MaxValue { get; }

    public int Near { get; }

    public int Range { get; }

    public int Qbpp { get; }

    public int Limit { get; }

    public int Reset { get; }

    public int T1 { get; }

    public int T2 { get; }

    public int T3 { get; }

    private static int CeilLog2(int value)
    {
        var bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }
        return bits;
    }

    private static (int T1, int T2, int T3) DefaultThresholds(int maxValue, int near)
    {
        const int BasicT1 = 3, BasicT2 = 7, BasicT3 = 21;
        static int Clamp(int i, int j, int max) => i > max || i < j ? j : i;
        if (maxValue >= 128)
        {
            var factor = (Math.Min(maxValue, 4095) + 128) / 256;
            var t1 = Clamp((factor * (BasicT1 - 2)) + 2 + (3 * near), near + 1, maxValue);
            var t2 = Clamp((factor * (BasicT2 - 3)) + 3 + (5 * near), t1, maxValue);
            return (t1, t2, Clamp((factor * (BasicT3 - 4)) + 4 + (7 * near), t2, maxValue));
        }
        else
        {
            var factor = 256 / (maxValue + 1);
            var t1 = Clamp(Math.Max(2, (BasicT1 / factor) + (3 * near)), near + 1, maxValue);
            var t2 = Clamp(Math.Max(3, (BasicT2 / factor) + (5 * near)), t1, maxValue);
            return (t1, t2, Clamp(Math.Max(4, (BasicT3 / factor) + (7 * near)), t2, maxValue));
        }
    }
}
