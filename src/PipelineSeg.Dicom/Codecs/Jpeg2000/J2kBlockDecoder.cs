namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Tier-1 (EBCOT) decoding of one code-block (T.800 Annex D): significance propagation, magnitude refinement and
/// cleanup passes over stripes of four rows, MQ-decoded, default code-block style.
/// </summary>
internal sealed class J2kBlockDecoder
{
    private const int Significant = 1, Negative = 2, Visited = 4, Refined = 8;

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
        var plane = topPlane;
        var pass = 2; // 0 = significance, 1 = refinement, 2 = cleanup; the first pass is a cleanup
        for (var i = 0; i < passes && plane >= 0; i++)
        {
            switch (pass)
            {
                case 0: SignificancePass(width, height, orientation, plane, coefficients); break;
                case 1: RefinementPass(width, height, plane, coefficients); break;
                default: CleanupPass(width, height, orientation, plane, coefficients); break;
            }
            if (++pass == 3)
            {
                pass = 0;
                plane--;
            }
        }
    }

    private int Flag(int x, int y) => _flags[((y + 1) * _stride) + x + 1];

    private void SetFlag(int x, int y, int bits) => _flags[((y + 1) * _stride) + x + 1] |= bits;

    private void ClearFlag(int x, int y, int bits) => _flags[((y + 1) * _stride) + x + 1] &= ~bits;

    private int Sig(int x, int y) => Flag(x, y) & Significant;

    private bool HasSignificantNeighbour(int x, int y) =>
        (Sig(x - 1, y - 1) | Sig(x, y - 1) | Sig(x + 1, y - 1) | Sig(x - 1, y) | Sig(x + 1, y) | Sig(x - 1, y + 1) | Sig(x, y + 1) | Sig(x + 1, y + 1)) != 0;

    /// <summary>Zero-coding context (Table D.1); HL subbands swap the roles of horizontal and vertical neighbours.</summary>
    private int ZeroContext(int x, int y, int orientation)
    {
        var h = Sig(x - 1, y) + Sig(x + 1, y);
        var v = Sig(x, y - 1) + Sig(x, y + 1);
        var d = Sig(x - 1, y - 1) + Sig(x + 1, y - 1) + Sig(x - 1, y + 1) + Sig(x + 1, y + 1);
        if (orientation == 3)
        {
            var hv = h + v;
            return d >= 3 ? 8 : d == 2 ? (hv >= 1 ? 7 : 6) : d == 1 ? (hv >= 2 ? 5 : hv == 1 ? 4 : 3) : (hv >= 2 ? 2 : hv == 1 ? 1 : 0);
        }
        if (orientation == 1)
        {
            (h, v) = (v, h);
        }
        if (h == 2)
        {
            return 8;
        }
        if (h == 1)
        {
            return v >= 1 ? 7 : d >= 1 ? 6 : 5;
        }
        return v == 2 ? 4 : v == 1 ? 3 : d >= 2 ? 2 : d == 1 ? 1 : 0;
    }

    private int Contribution(int x, int y)
    {
        var f = Flag(x, y);
        return (f & Significant) == 0 ? 0 : (f & Negative) != 0 ? -1 : 1;
    }

    /// <summary>Sign coding (Tables D.3/D.4): returns true for negative.</summary>
    private bool DecodeSign(int x, int y)
    {
        var h = Math.Clamp(Contribution(x - 1, y) + Contribution(x + 1, y), -1, 1);
        var v = Math.Clamp(Contribution(x, y - 1) + Contribution(x, y + 1), -1, 1);
        var flip = h < 0 || (h == 0 && v < 0);
        if (flip)
        {
            h = -h;
            v = -v;
        }
        var context = h == 1 ? 12 + v : 9 + Math.Abs(v);
        return (_mq.Decode(context) ^ (flip ? 1 : 0)) != 0;
    }

    private void BecomeSignificant(int x, int y, int plane, int width, int[] coefficients)
    {
        var negative = DecodeSign(x, y);
        SetFlag(x, y, Significant | (negative ? Negative : 0));
        coefficients[(y * width) + x] = negative ? -(3 << plane) : 3 << plane; // doubled: bit p plus half a step
    }

    private void SignificancePass(int width, int height, int orientation, int plane, int[] coefficients)
    {
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            for (var x = 0; x < width; x++)
            {
                for (var y = stripe; y < Math.Min(stripe + 4, height); y++)
                {
                    if ((Flag(x, y) & Significant) != 0 || !HasSignificantNeighbour(x, y))
                    {
                        continue;
                    }
                    SetFlag(x, y, Visited);
                    if (_mq.Decode(ZeroContext(x, y, orientation)) != 0)
                    {
                        BecomeSignificant(x, y, plane, width, coefficients);
                    }
                }
            }
        }
    }

    private void RefinementPass(int width, int height, int plane, int[] coefficients)
    {
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            for (var x = 0; x < width; x++)
            {
                for (var y = stripe; y < Math.Min(stripe + 4, height); y++)
                {
                    var f = Flag(x, y);
                    if ((f & (Significant | Visited)) != Significant)
                    {
                        continue;
                    }
                    var context = (f & Refined) != 0 ? 16 : HasSignificantNeighbour(x, y) ? 15 : 14;
                    // Doubled magnitudes: move half a step up or down from the middle of the interval.
                    var step = _mq.Decode(context) != 0 ? 1 << plane : -(1 << plane);
                    ref var c = ref coefficients[(y * width) + x];
                    c = c < 0 ? c - step : c + step;
                    SetFlag(x, y, Refined);
                }
            }
        }
    }

    private void CleanupPass(int width, int height, int orientation, int plane, int[] coefficients)
    {
        for (var stripe = 0; stripe < height; stripe += 4)
        {
            for (var x = 0; x < width; x++)
            {
                var y = stripe;
                var end = Math.Min(stripe + 4, height);
                if (end - stripe == 4 && RunCandidate(x, stripe))
                {
                    if (_mq.Decode(J2kContexts.RunLength) == 0)
                    {
                        continue; // the four stay insignificant
                    }
                    var first = (_mq.Decode(J2kContexts.Uniform) << 1) | _mq.Decode(J2kContexts.Uniform);
                    y = stripe + first;
                    BecomeSignificant(x, y, plane, width, coefficients);
                    y++;
                }
                for (; y < end; y++)
                {
                    var f = Flag(x, y);
                    if ((f & (Significant | Visited)) == 0 && _mq.Decode(ZeroContext(x, y, orientation)) != 0)
                    {
                        BecomeSignificant(x, y, plane, width, coefficients);
                    }
                }
            }
            for (var x = 0; x < width; x++)
            {
                for (var y = stripe; y < Math.Min(stripe + 4, height); y++)
                {
                    ClearFlag(x, y, Visited);
                }
            }
        }
    }

    /// <summary>Run-length mode applies when a whole stripe column is insignificant, unvisited and has no significant neighbour.</summary>
    private bool RunCandidate(int x, int stripe)
    {
        for (var y = stripe; y < stripe + 4; y++)
        {
            if ((Flag(x, y) & (Significant | Visited)) != 0 || HasSignificantNeighbour(x, y))
            {
                return false;
            }
        }
        return true;
    }
}
