namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Tier-1 (EBCOT) decoding of one code-block (T.800 Annex D): significance propagation, magnitude refinement and
/// cleanup passes over stripes of four rows, MQ-decoded, default code-block style. Each coefficient's flags carry
/// its neighbours' significance and signs (updated when a neighbour becomes significant), so every context is one
/// table lookup.
/// </summary>
internal sealed class J2kBlockDecoder
{
    private const int Sig = 1, Neg = 2, Visited = 4, Refined = 8;
    private const int SigN = 1 << 4, SigS = 1 << 5, SigW = 1 << 6, SigE = 1 << 7, SigNW = 1 << 8, SigNE = 1 << 9, SigSW = 1 << 10, SigSE = 1 << 11;
    private const int NegN = 1 << 12, NegS = 1 << 13, NegW = 1 << 14, NegE = 1 << 15;
    private const int Neighbours = 0xFF << 4;

    /// <summary>Zero-coding contexts (Table D.1) per orientation, indexed by the 8 neighbour-significance bits.</summary>
    private static readonly byte[][] ZeroContexts = [.. Enumerable.Range(0, 4).Select(BuildZeroContexts)];

    /// <summary>Sign contexts (Tables D.3/D.4) indexed by N,S,W,E significance and signs: context | xor bit &lt;&lt; 7.</summary>
    private static readonly byte[] SignContexts = BuildSignContexts();

    private readonly J2kMqDecoder _mq = new();
    private int[] _flags = [];
    private int _stride;

    /// <summary>
    /// Decodes <paramref name="passes"/> coding passes starting at bit-plane <paramref name="topPlane"/> into
    /// <paramref name="coefficients"/> (width × height). Magnitudes are doubled and kept at the middle of their
    /// remaining uncertainty, as OpenJPEG does: halving gives the exact integer when every pass was coded and the
    /// mid-point when an encoder stopped early (still lossless when the skipped bits were all ones).
    /// </summary>
    public void Decode(byte[] data, int length, int width, int height, int orientation, int topPlane, int passes, int[] coefficients)
    {
        Array.Clear(coefficients, 0, width * height);
        if (passes == 0 || topPlane < 0)
        {
            return;
        }
        if (topPlane > 29)
        {
            throw new DicomFormatException($"JPEG 2000: {topPlane + 1} magnitude bit-planes in a code-block");
        }
        _stride = width + 2;
        var needed = _stride * (height + 2);
        if (_flags.Length < needed)
        {
            _flags = new int[needed];
        }
        Array.Clear(_flags, 0, needed);
        _mq.Start(data, 0, length);
        var zc = ZeroContexts[orientation];
        var plane = topPlane;
        var pass = 2; // 0 = significance, 1 = refinement, 2 = cleanup; the first pass is a cleanup
        for (var i = 0; i < passes && plane >= 0; i++)
        {
            switch (pass)
            {
                case 0: SignificancePass(width, height, zc, plane, coefficients); break;
                case 1: RefinementPass(width, height, plane, coefficients); break;
                default: CleanupPass(width, height, zc, plane, coefficients); break;
            }
            if (++pass == 3)
            {
                pass = 0;
                plane--;
            }
        }
    }

    private void BecomeSignificant(int index, int x, int y, int plane, int width, int[] coefficients)
    {
        var flags = _flags;
        var f = flags[index];
        var sc = SignContexts[((f >> 4) & 0xF) | (((f >> 12) & 0xF) << 4)];
        var negative = (_mq.Decode(sc & 0x7F) ^ (sc >> 7)) != 0;
        flags[index] = f | Sig | (negative ? Neg : 0);
        int s = _stride;
        flags[index - s] |= SigS | (negative ? NegS : 0);
        flags[index + s] |= SigN | (negative ? NegN : 0);
        flags[index - 1] |= SigE | (negative ? NegE : 0);
        flags[index + 1] |= SigW | (negative ? NegW : 0);
        flags[index - s - 1] |= SigSE;
        flags[index - s + 1] |= SigSW;
        flags[index + s - 1] |= SigNE;
        flags[index + s + 1] |= SigNW;
        coefficients[(y * width) + x] = negative ? -(3 << plane) : 3 << plane; // doubled: bit p plus half a step
    }

    private void SignificancePass(int width, int height, byte[] zc, int plane, int[] coefficients)
    {
        var flags = _flags;
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            var end = Math.Min(stripe + 4, height);
            for (var x = 0; x < width; x++)
            {
                for (var y = stripe; y < end; y++)
                {
                    var index = ((y + 1) * _stride) + x + 1;
                    var f = flags[index];
                    if ((f & Sig) != 0 || (f & Neighbours) == 0)
                    {
                        continue;
                    }
                    flags[index] = f | Visited;
                    if (_mq.Decode(zc[(f >> 4) & 0xFF]) != 0)
                    {
                        BecomeSignificant(index, x, y, plane, width, coefficients);
                    }
                }
            }
        }
    }

    private void RefinementPass(int width, int height, int plane, int[] coefficients)
    {
        var flags = _flags;
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            var end = Math.Min(stripe + 4, height);
            for (var x = 0; x < width; x++)
            {
                for (var y = stripe; y < end; y++)
                {
                    var index = ((y + 1) * _stride) + x + 1;
                    var f = flags[index];
                    if ((f & (Sig | Visited)) != Sig)
                    {
                        continue;
                    }
                    var context = (f & Refined) != 0 ? 16 : (f & Neighbours) != 0 ? 15 : 14;
                    // Doubled magnitudes: move half a step up or down from the middle of the interval.
                    var step = _mq.Decode(context) != 0 ? 1 << plane : -(1 << plane);
                    ref var c = ref coefficients[(y * width) + x];
                    c = c < 0 ? c - step : c + step;
                    flags[index] = f | Refined;
                }
            }
        }
    }

    private void CleanupPass(int width, int height, byte[] zc, int plane, int[] coefficients)
    {
        var flags = _flags;
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            var end = Math.Min(stripe + 4, height);
            for (var x = 0; x < width; x++)
            {
                var y = stripe;
                var top = ((stripe + 1) * _stride) + x + 1;
                // Run-length mode: a whole stripe column insignificant, unvisited and without significant neighbours.
                if (end - stripe == 4 && ((flags[top] | flags[top + _stride] | flags[top + (2 * _stride)] | flags[top + (3 * _stride)]) & (Sig | Visited | Neighbours)) == 0)
                {
                    if (_mq.Decode(J2kContexts.RunLength) == 0)
                    {
                        continue; // the four stay insignificant
                    }
                    var first = (_mq.Decode(J2kContexts.Uniform) << 1) | _mq.Decode(J2kContexts.Uniform);
                    y = stripe + first;
                    BecomeSignificant(((y + 1) * _stride) + x + 1, x, y, plane, width, coefficients);
                    y++;
                }
                for (; y < end; y++)
                {
                    var index = ((y + 1) * _stride) + x + 1;
                    var f = flags[index];
                    if ((f & (Sig | Visited)) == 0 && _mq.Decode(zc[(f >> 4) & 0xFF]) != 0)
                    {
                        BecomeSignificant(index, x, y, plane, width, coefficients);
                    }
                }
            }
            for (var y = stripe; y < end; y++)
            {
                var row = ((y + 1) * _stride) + 1;
                for (var x = 0; x < width; x++)
                {
                    flags[row + x] &= ~Visited;
                }
            }
        }
    }

    /// <summary>Table D.1 for one orientation (0 LL, 1 HL, 2 LH, 3 HH); HL swaps horizontal and vertical.</summary>
    private static byte[] BuildZeroContexts(int orientation)
    {
        var table = new byte[256];
        for (var bits = 0; bits < 256; bits++)
        {
            var f = bits << 4;
            var h = ((f & SigW) != 0 ? 1 : 0) + ((f & SigE) != 0 ? 1 : 0);
            var v = ((f & SigN) != 0 ? 1 : 0) + ((f & SigS) != 0 ? 1 : 0);
            var d = ((f & SigNW) != 0 ? 1 : 0) + ((f & SigNE) != 0 ? 1 : 0) + ((f & SigSW) != 0 ? 1 : 0) + ((f & SigSE) != 0 ? 1 : 0);
            int context;
            if (orientation == 3)
            {
                var hv = h + v;
                context = d >= 3 ? 8 : d == 2 ? (hv >= 1 ? 7 : 6) : d == 1 ? (hv >= 2 ? 5 : hv == 1 ? 4 : 3) : (hv >= 2 ? 2 : hv == 1 ? 1 : 0);
            }
            else
            {
                if (orientation == 1)
                {
                    (h, v) = (v, h);
                }
                context = h == 2 ? 8 : h == 1 ? (v >= 1 ? 7 : d >= 1 ? 6 : 5) : v == 2 ? 4 : v == 1 ? 3 : d >= 2 ? 2 : d == 1 ? 1 : 0;
            }
            table[bits] = (byte)context;
        }
        return table;
    }

    private static byte[] BuildSignContexts()
    {
        var table = new byte[256];
        for (var bits = 0; bits < 256; bits++)
        {
            int Contribution(int sigBit, int negBit) => (bits & sigBit) == 0 ? 0 : (bits & negBit) != 0 ? -1 : 1;
            // bits 0..3: significance of N, S, W, E; bits 4..7: their signs.
            var h = Math.Clamp(Contribution(4, 64) + Contribution(8, 128), -1, 1);
            var v = Math.Clamp(Contribution(1, 16) + Contribution(2, 32), -1, 1);
            var flip = h < 0 || (h == 0 && v < 0);
            if (flip)
            {
                h = -h;
                v = -v;
            }
            var context = h == 1 ? 12 + v : 9 + Math.Abs(v);
            table[bits] = (byte)(context | (flip ? 0x80 : 0));
        }
        return table;
    }
}
