using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>
/// Decodes the lines of one JPEG-LS scan (T.87 Annex A: context modelling, regular mode, run mode and run
/// interruption), lossless or near-lossless. Lines live in buffers with one extra sample each side (index + 1), so
/// the edge rules of A.2.1 are two assignments per line.
/// </summary>
internal sealed class JpegLsScanDecoder
{
    private static ReadOnlySpan<byte> J => [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    private readonly JpegLsParameters p;
    private readonly JpegLsContexts _contexts;

    // Gradient quantisation (A.3.3) as a table over −MAXVAL..MAXVAL: one load instead of eight compares.
    private readonly sbyte[] _quantize;
    private readonly int _maxValue;

    public JpegLsScanDecoder(JpegLsParameters parameters)
    {
        p = parameters;
        _contexts = new JpegLsContexts(parameters);
        _maxValue = parameters.MaxValue;
        _quantize = QuantizationTables.GetOrAdd((_maxValue, p.Near, p.T1, p.T2, p.T3), _ =>
        {
            var table = new sbyte[(2 * _maxValue) + 1];
            for (var d = -_maxValue; d <= _maxValue; d++)
            {
                table[d + _maxValue] = QuantizeSlow(d);
            }
            return table;
        });
    }

    /// <summary>Tables are up to 128 KiB (16-bit) and identical for every frame of a series: build each once.</summary>
    private static readonly ConcurrentDictionary<(int, int, int, int, int), sbyte[]> QuantizationTables = new();

    /// <summary>Decodes one line of <paramref name="width"/> samples into cur[1..width] from prev (both width + 2 long).</summary>
    public void DecodeLine(ref JpegLsBitReader reader, int[] prev, int[] cur, int width, ref int runIndex)
    {
        cur[0] = prev[1];
        prev[width + 1] = prev[width];
        var x = 0;
        int rb = prev[0], rd = prev[1];
        while (x < width)
        {
            var ra = cur[x];
            var rc = rb;
            rb = rd;
            rd = prev[x + 2];
            var qs = (((Quantize(rd - rb) * 9) + Quantize(rb - rc)) * 9) + Quantize(rc - ra);
            if (qs != 0)
            {
                cur[x + 1] = DecodeRegular(ref reader, qs, ra, rb, rc);
                x++;
            }
            else
            {
                x += DecodeRun(ref reader, prev, cur, x, width, ref runIndex);
                rb = prev[x];
                rd = prev[x + 1];
            }
        }
    }

    /// <summary>
    /// Sample-interleaved line (ILV 2) of all components: run mode only when every component's context is 0; run
    /// interruption codes each component against Rb with the RItype 0 context, as CharLS (used by dcmtk) does.
    /// </summary>
    public void DecodeInterleavedLine(ref JpegLsBitReader reader, int[][] prev, int[][] cur, int width, ref int runIndex)
    {
        var n = prev.Length;
        for (var c = 0; c < n; c++)
        {
            cur[c][0] = prev[c][1];
            prev[c][width + 1] = prev[c][width];
        }
        Span<int> qs = stackalloc int[n];
        var x = 0;
        while (x < width)
        {
            var allZero = true;
            for (var c = 0; c < n; c++)
            {
                int ra = cur[c][x], rb = prev[c][x + 1], rc = prev[c][x], rd = prev[c][x + 2];
                qs[c] = (((Quantize(rd - rb) * 9) + Quantize(rb - rc)) * 9) + Quantize(rc - ra);
                allZero &= qs[c] == 0;
            }
            if (!allZero)
            {
                for (var c = 0; c < n; c++)
                {
                    cur[c][x + 1] = DecodeRegular(ref reader, qs[c], cur[c][x], prev[c][x + 1], prev[c][x]);
                }
                x++;
                continue;
            }
            var count = DecodeRunLength(ref reader, width - x, ref runIndex);
            for (var c = 0; c < n; c++)
            {
                cur[c].AsSpan(x + 1, count).Fill(cur[c][x]);
            }
            var end = x + count;
            if (end < width)
            {
                for (var c = 0; c < n; c++)
                {
                    int ra = cur[c][x], rb = prev[c][end + 1];
                    var k = _contexts.RunGolombK(0);
                    var mapped = DecodeValue(ref reader, k, p.Limit - J[runIndex] - 1);
                    var error = _contexts.RunError(0, k, mapped);
                    _contexts.UpdateRun(0, error, mapped);
                    cur[c][end + 1] = Reconstruct(rb, rb >= ra ? error : -error);
                }
                runIndex = Math.Max(0, runIndex - 1);
                count++;
            }
            x += count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Quantize(int d) => _quantize[d + _maxValue];

    private sbyte QuantizeSlow(int d)
    {
        if (d <= -p.T3) return -4;
        if (d <= -p.T2) return -3;
        if (d <= -p.T1) return -2;
        if (d < -p.Near) return -1;
        if (d <= p.Near) return 0;
        if (d < p.T1) return 1;
        if (d < p.T2) return 2;
        if (d < p.T3) return 3;
        return 4;
    }

    private int DecodeRegular(ref JpegLsBitReader reader, int qs, int ra, int rb, int rc)
    {
        var sign = qs >> 31; // −1 or 0
        var q = (qs ^ sign) - sign;
        var k = _contexts.GolombK(q);
        var px = Predict(ra, rb, rc) + ((_contexts.C(q) ^ sign) - sign);
        px = px < 0 ? 0 : px > p.MaxValue ? p.MaxValue : px;
        var mapped = DecodeValue(ref reader, k, p.Limit);
        var error = ((mapped >> 1) ^ -(mapped & 1)) ^ _contexts.ErrorCorrection(q, k);
        _contexts.Update(q, error);
        return Reconstruct(px, (error ^ sign) - sign);
    }

    /// <summary>Median edge detector (T.87 A.4.1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Predict(int ra, int rb, int rc)
    {
        if (rc >= Math.Max(ra, rb))
        {
            return Math.Min(ra, rb);
        }
        if (rc <= Math.Min(ra, rb))
        {
            return Math.Max(ra, rb);
        }
        return ra + rb - rc;
    }

    /// <summary>Dequantises, reduces modulo RANGE and clamps (A.4.4 / A.5).</summary>
    private int Reconstruct(int px, int error)
    {
        var value = px + (error * ((2 * p.Near) + 1));
        if (value < -p.Near)
        {
            value += p.Range * ((2 * p.Near) + 1);
        }
        else if (value > p.MaxValue + p.Near)
        {
            value -= p.Range * ((2 * p.Near) + 1);
        }
        return value < 0 ? 0 : value > p.MaxValue ? p.MaxValue : value;
    }

    /// <summary>Limited-length Golomb code (A.5.3).</summary>
    private int DecodeValue(ref JpegLsBitReader reader, int k, int limit)
    {
        var high = reader.ReadUnary(limit);
        if (high >= limit - (p.Qbpp + 1))
        {
            return reader.ReadBits(p.Qbpp) + 1;
        }
        return k == 0 ? high : (high << k) + reader.ReadBits(k);
    }

    private int DecodeRun(ref JpegLsBitReader reader, int[] prev, int[] cur, int x, int width, ref int runIndex)
    {
        var ra = cur[x];
        var count = DecodeRunLength(ref reader, width - x, ref runIndex);
        cur.AsSpan(x + 1, count).Fill(ra);
        var end = x + count;
        if (end == width)
        {
            return count;
        }
        var rb = prev[end + 1];
        cur[end + 1] = DecodeInterruption(ref reader, ra, rb, runIndex);
        runIndex = Math.Max(0, runIndex - 1);
        return count + 1;
    }

    /// <summary>Run length (A.7.1): 1 bits for full J-sized segments, then J[RUNindex] bits of remainder.</summary>
    private static int DecodeRunLength(ref JpegLsBitReader reader, int remaining, ref int runIndex)
    {
        var count = 0;
        while (reader.ReadBit())
        {
            var step = Math.Min(1 << J[runIndex], remaining - count);
            count += step;
            if (step == 1 << J[runIndex])
            {
                runIndex = Math.Min(31, runIndex + 1);
            }
            if (count == remaining)
            {
                break;
            }
        }
        if (count != remaining)
        {
            count += J[runIndex] > 0 ? reader.ReadBits(J[runIndex]) : 0;
        }
        if (count > remaining)
        {
            throw new DicomFormatException("JPEG-LS: run longer than the rest of the line");
        }
        return count;
    }

    /// <summary>Run interruption sample (A.7.2).</summary>
    private int DecodeInterruption(ref JpegLsBitReader reader, int ra, int rb, int runIndex)
    {
        var riType = Math.Abs(ra - rb) <= p.Near ? 1 : 0;
        var k = _contexts.RunGolombK(riType);
        var mapped = DecodeValue(ref reader, k, p.Limit - J[runIndex] - 1);
        var error = _contexts.RunError(riType, k, mapped);
        _contexts.UpdateRun(riType, error, mapped);
        return riType == 1 ? Reconstruct(ra, error) : Reconstruct(rb, rb > ra ? error : -error);
    }
}
