namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Geometry of one tile-component (T.800 B.5–B.7): resolutions, subbands, precincts and code-blocks, plus the
/// inverse reversible 5/3 wavelet that rebuilds its samples.
/// </summary>
internal sealed class J2kTileComponent
{
    public J2kTileComponent(J2kCodingStyle style, int depth, int x0, int y0, int x1, int y1)
    {
        Style = style;
        Depth = depth;
        X0 = x0;
        Y0 = y0;
        X1 = x1;
        Y1 = y1;
        var levels = style.Levels;
        for (var r = 0; r <= levels; r++)
        {
            var scale = 1 << (levels - r);
            int rx0 = CeilDiv(x0, scale), ry0 = CeilDiv(y0, scale), rx1 = CeilDiv(x1, scale), ry1 = CeilDiv(y1, scale);
            Resolutions.Add((rx0, ry0, rx1, ry1));
            var bands = new List<J2kBand>();
            if (r == 0)
            {
                bands.Add(MakeBand(0, levels, 0, 0, 0));
            }
            else
            {
                var nb = levels - r + 1;
                bands.Add(MakeBand(1, nb, 1, 0, 1 + (3 * (r - 1))));
                bands.Add(MakeBand(2, nb, 0, 1, 2 + (3 * (r - 1))));
                bands.Add(MakeBand(3, nb, 1, 1, 3 + (3 * (r - 1))));
            }
            Bands.Add(bands);
            Precincts.Add(MakePrecincts(r, rx0, ry0, rx1, ry1, bands));
        }
    }

    public J2kCodingStyle Style { get; }
    public int Depth { get; }
    public int X0 { get; }
    public int Y0 { get; }
    public int X1 { get; }
    public int Y1 { get; }
    public List<(int X0, int Y0, int X1, int Y1)> Resolutions { get; } = [];
    public List<List<J2kBand>> Bands { get; } = [];

    /// <summary>Per resolution: precincts in raster order with their grid width.</summary>
    public List<(J2kPrecinct[] Items, int Columns, int FirstX, int FirstY)> Precincts { get; } = [];

    public static int CeilDiv(int a, int b) => (int)(((long)a + b - 1) / b);

    private J2kBand MakeBand(int orientation, int nb, int xob, int yob, int exponentIndex)
    {
        var scale = 1 << nb;
        var offsetX = (long)xob << (nb - 1);
        var offsetY = (long)yob << (nb - 1);
        var bx0 = (int)CeilDivLong(X0 - offsetX, scale);
        var by0 = (int)CeilDivLong(Y0 - offsetY, scale);
        var bx1 = (int)CeilDivLong(X1 - offsetX, scale);
        var by1 = (int)CeilDivLong(Y1 - offsetY, scale);
        if (orientation == 0)
        {
            bx0 = CeilDiv(X0, scale);
            by0 = CeilDiv(Y0, scale);
            bx1 = CeilDiv(X1, scale);
            by1 = CeilDiv(Y1, scale);
        }
        // Scalar derived quantisation (style 1) signals only the LL step: ε_b = ε_0 − N_L + n_b, μ_b = μ_0 (E.1.1.1).
        int exponent, mantissa;
        if (Style.QuantizationStyle == 1 && Style.Exponents.Length > 0)
        {
            exponent = Style.Exponents[0] - Style.Levels + (orientation == 0 ? Style.Levels : nb);
            mantissa = Style.Mantissas[0];
        }
        else if (exponentIndex < Style.Exponents.Length && Style.QuantizationStyle is 0 or 2)
        {
            exponent = Style.Exponents[exponentIndex];
            mantissa = Style.Mantissas.Length > exponentIndex ? Style.Mantissas[exponentIndex] : 0;
        }
        else
        {
            throw new DicomFormatException($"JPEG 2000: no quantisation parameters for subband {exponentIndex}");
        }
        var gain = orientation == 0 ? 0 : orientation == 3 ? 2 : 1;
        var step = Style.Reversible ? 1f : (float)((1 + (mantissa / 2048.0)) * Math.Pow(2, Depth + gain - exponent));
        return new J2kBand(bx0, by0, bx1, by1, orientation, Style.GuardBits + exponent - 1, step);
    }

    private static long CeilDivLong(long a, long b) => a >= 0 ? (a + b - 1) / b : -((-a) / b);

    private (J2kPrecinct[] Items, int Columns, int FirstX, int FirstY) MakePrecincts(int r, int rx0, int ry0, int rx1, int ry1, List<J2kBand> bands)
    {
        int ppx = Style.PrecinctWidthExponents[r], ppy = Style.PrecinctHeightExponents[r];
        if (rx1 <= rx0 || ry1 <= ry0)
        {
            return ([], 0, 0, 0);
        }
        int firstX = rx0 >> ppx, firstY = ry0 >> ppy;
        int columns = CeilDiv(rx1, 1 << ppx) - firstX, rows = CeilDiv(ry1, 1 << ppy) - firstY;
        var bandPpx = r == 0 ? ppx : ppx - 1;
        var bandPpy = r == 0 ? ppy : ppy - 1;
        var cbw = Math.Min(Style.BlockWidthExponent, bandPpx);
        var cbh = Math.Min(Style.BlockHeightExponent, bandPpy);
        var items = new J2kPrecinct[columns * rows];
        for (var ky = 0; ky < rows; ky++)
        {
            for (var kx = 0; kx < columns; kx++)
            {
                var precinct = new J2kPrecinct();
                foreach (var band in bands)
                {
                    int px0 = Math.Max(band.X0, (firstX + kx) << bandPpx), px1 = Math.Min(band.X1, (firstX + kx + 1) << bandPpx);
                    int py0 = Math.Max(band.Y0, (firstY + ky) << bandPpy), py1 = Math.Min(band.Y1, (firstY + ky + 1) << bandPpy);
                    if (px1 <= px0 || py1 <= py0)
                    {
                        precinct.Bands.Add((band, 0, 0, [], new J2kTagTree(1, 1), new J2kTagTree(1, 1)));
                        continue;
                    }
                    int cx0 = px0 >> cbw, cy0 = py0 >> cbh, cx1 = CeilDiv(px1, 1 << cbw), cy1 = CeilDiv(py1, 1 << cbh);
                    var blocks = new J2kCodeBlock[(cx1 - cx0) * (cy1 - cy0)];
                    for (var cy = cy0; cy < cy1; cy++)
                    {
                        for (var cx = cx0; cx < cx1; cx++)
                        {
                            blocks[((cy - cy0) * (cx1 - cx0)) + (cx - cx0)] = new J2kCodeBlock(
                                Math.Max(px0, cx << cbw), Math.Max(py0, cy << cbh), Math.Min(px1, (cx + 1) << cbw), Math.Min(py1, (cy + 1) << cbh));
                        }
                    }
                    precinct.Bands.Add((band, cx1 - cx0, cy1 - cy0, blocks, new J2kTagTree(cx1 - cx0, cy1 - cy0), new J2kTagTree(cx1 - cx0, cy1 - cy0)));
                }
                items[(ky * columns) + kx] = precinct;
            }
        }
        return (items, columns, firstX, firstY);
    }

    /// <summary>Rebuilds the samples (X1 − X0) × (Y1 − Y0) from the decoded subbands with the inverse 5/3 wavelet.</summary>
    public int[] Reconstruct()
    {
        var ll = Bands[0][0];
        var current = ll.Coefficients;
        for (var r = 1; r < Resolutions.Count; r++)
        {
            var (rx0, ry0, rx1, ry1) = Resolutions[r];
            var (lx0, ly0, lx1, _) = Resolutions[r - 1];
            int width = rx1 - rx0, height = ry1 - ry0, lowWidth = lx1 - lx0;
            var next = new int[width * height];
            var hl = Bands[r][0];
            var lh = Bands[r][1];
            var hh = Bands[r][2];
            for (var y = ry0; y < ry1; y++)
            {
                for (var x = rx0; x < rx1; x++)
                {
                    int value;
                    if ((y & 1) == 0)
                    {
                        value = (x & 1) == 0
                            ? current[(((y >> 1) - ly0) * lowWidth) + ((x >> 1) - lx0)]
                            : hl.Coefficients[(((y >> 1) - hl.Y0) * hl.Width) + ((x >> 1) - hl.X0)];
                    }
                    else
                    {
                        value = (x & 1) == 0
                            ? lh.Coefficients[(((y >> 1) - lh.Y0) * lh.Width) + ((x >> 1) - lh.X0)]
                            : hh.Coefficients[(((y >> 1) - hh.Y0) * hh.Width) + ((x >> 1) - hh.X0)];
                    }
                    next[((y - ry0) * width) + (x - rx0)] = value;
                }
            }
            var line = new int[Math.Max(width, height)];
            var output = new int[line.Length];
            for (var y = 0; y < height; y++)
            {
                next.AsSpan(y * width, width).CopyTo(line);
                Inverse53(line.AsSpan(0, width), rx0, output);
                output.AsSpan(0, width).CopyTo(next.AsSpan(y * width, width));
            }
            for (var x = 0; x < width; x++)
            {
                for (var y = 0; y < height; y++)
                {
                    line[y] = next[(y * width) + x];
                }
                Inverse53(line.AsSpan(0, height), ry0, output);
                for (var y = 0; y < height; y++)
                {
                    next[(y * width) + x] = output[y];
                }
            }
            current = next;
        }
        return current;
    }

    /// <summary>1D inverse reversible 5/3 lifting (T.800 F.3.8.2) on samples at absolute positions i0.. with symmetric extension.</summary>
    private static void Inverse53(ReadOnlySpan<int> y, int i0, Span<int> x)
    {
        var n = y.Length;
        if (n == 1)
        {
            x[0] = (i0 & 1) != 0 ? y[0] / 2 : y[0];
            return;
        }
        var i1 = i0 + n;
        int Reflect(int i)
        {
            while (i < i0 || i >= i1)
            {
                i = i < i0 ? (2 * i0) - i : (2 * (i1 - 1)) - i;
            }
            return i - i0;
        }
        for (var i = i0 + (i0 & 1); i < i1; i += 2)
        {
            x[i - i0] = y[i - i0] - ((y[Reflect(i - 1)] + y[Reflect(i + 1)] + 2) >> 2);
        }
        for (var i = i0 + 1 - (i0 & 1); i < i1; i += 2)
        {
            x[i - i0] = y[i - i0] + ((x[Reflect(i - 1)] + x[Reflect(i + 1)]) >> 1);
        }
    }
}
