namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Irreversible path (T.800 E.1 and F.3.8.2): dequantisation of the doubled mid-point magnitudes with Δ_b / 2 and the
/// inverse 9/7 lifting wavelet in single precision, as OpenJPEG computes it.
/// </summary>
internal static class J2kIrreversible
{
    private const float Alpha = -1.586134342059924f, Beta = -0.052980118572961f, Gamma = 0.882911075530934f, Delta = 0.443506852043971f;
    private const float K = 1.230174104914001f;

    /// <summary>Rebuilds the tile-component samples (before DC level shift) as floats.</summary>
    public static float[] Reconstruct(J2kTileComponent tc)
    {
        var ll = tc.Bands[0][0];
        var current = Dequantize(ll);
        for (var r = 1; r < tc.Resolutions.Count; r++)
        {
            var (rx0, ry0, rx1, ry1) = tc.Resolutions[r];
            var (lx0, ly0, lx1, _) = tc.Resolutions[r - 1];
            int width = rx1 - rx0, height = ry1 - ry0, lowWidth = lx1 - lx0;
            var next = new float[width * height];
            var hl = tc.Bands[r][0];
            var lh = tc.Bands[r][1];
            var hh = tc.Bands[r][2];
            float[] hlv = Dequantize(hl), lhv = Dequantize(lh), hhv = Dequantize(hh);
            for (var y = ry0; y < ry1; y++)
            {
                for (var x = rx0; x < rx1; x++)
                {
                    next[((y - ry0) * width) + (x - rx0)] = ((y & 1) == 0)
                        ? ((x & 1) == 0 ? current[(((y >> 1) - ly0) * lowWidth) + ((x >> 1) - lx0)] : hlv[(((y >> 1) - hl.Y0) * hl.Width) + ((x >> 1) - hl.X0)])
                        : ((x & 1) == 0 ? lhv[(((y >> 1) - lh.Y0) * lh.Width) + ((x >> 1) - lh.X0)] : hhv[(((y >> 1) - hh.Y0) * hh.Width) + ((x >> 1) - hh.X0)]);
                }
            }
            var line = new float[Math.Max(width, height)];
            for (var y = 0; y < height; y++)
            {
                next.AsSpan(y * width, width).CopyTo(line);
                Inverse97(line.AsSpan(0, width), rx0);
                line.AsSpan(0, width).CopyTo(next.AsSpan(y * width, width));
            }
            for (var x = 0; x < width; x++)
            {
                for (var y = 0; y < height; y++)
                {
                    line[y] = next[(y * width) + x];
                }
                Inverse97(line.AsSpan(0, height), ry0);
                for (var y = 0; y < height; y++)
                {
                    next[(y * width) + x] = line[y];
                }
            }
            current = next;
        }
        return current;
    }

    /// <summary>
    /// Inverse irreversible colour transform (ICT) when signalled, then rounding to nearest (even), DC level shift and
    /// clamping to the component range, as OpenJPEG (opj_mct_decode_real, lrintf).
    /// </summary>
    public static void ToIntegers(J2kCodestream cs, float[][] planes, int[][] output)
    {
        var count = planes[0].Length;
        if (cs.MultipleComponentTransform && planes.Length >= 3)
        {
            for (var i = 0; i < count; i++)
            {
                float y = planes[0][i], u = planes[1][i], v = planes[2][i];
                planes[0][i] = y + (1.402f * v);
                planes[1][i] = y - (0.34413f * u) - (0.71414f * v);
                planes[2][i] = y + (1.772f * u);
            }
        }
        for (var c = 0; c < planes.Length; c++)
        {
            var (depth, signed, _, _) = cs.Components[c];
            int min = signed ? -(1 << (depth - 1)) : 0, max = signed ? (1 << (depth - 1)) - 1 : (1 << depth) - 1;
            var shift = signed ? 0 : 1 << (depth - 1);
            for (var i = 0; i < count; i++)
            {
                output[c][i] = Math.Clamp((int)MathF.Round(planes[c][i]) + shift, min, max);
            }
        }
    }

    private static float[] Dequantize(J2kBand band)
    {
        var values = new float[band.Coefficients.Length];
        var half = band.StepSize / 2; // coefficients are doubled mid-point magnitudes
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = band.Coefficients[i] * half;
        }
        return values;
    }

    /// <summary>1D inverse 9/7 lifting in place on samples at absolute positions i0.. with symmetric extension.</summary>
    private static void Inverse97(Span<float> x, int i0)
    {
        var n = x.Length;
        if (n == 1)
        {
            if ((i0 & 1) != 0)
            {
                x[0] /= 2; // a lone high-pass sample (F.3.7)
            }
            return;
        }
        var i1 = i0 + n;
        for (var i = i0; i < i1; i++)
        {
            x[i - i0] *= (i & 1) == 0 ? K : 1 / K;
        }
        Lift(x, i0, i1, 0, Delta);
        Lift(x, i0, i1, 1, Gamma);
        Lift(x, i0, i1, 0, Beta);
        Lift(x, i0, i1, 1, Alpha);
    }

    /// <summary>x(i) −= c · (x(i − 1) + x(i + 1)) for every i of the given parity, neighbours reflected at the ends.</summary>
    private static void Lift(Span<float> x, int i0, int i1, int parity, float c)
    {
        for (var i = i0 + (((i0 & 1) == parity) ? 0 : 1); i < i1; i += 2)
        {
            x[i - i0] -= c * (x[Reflect(i - 1, i0, i1)] + x[Reflect(i + 1, i0, i1)]);
        }
    }

    private static int Reflect(int i, int i0, int i1)
    {
        while (i < i0 || i >= i1)
        {
            i = i < i0 ? (2 * i0) - i : (2 * (i1 - 1)) - i;
        }
        return i - i0;
    }
}
