using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// Decodes one progressive Huffman scan (processes 10/12 and spectral selection 6/8, SOF2) into the components'
/// coefficient buffers: DC first/refine, AC first/refine with end-of-band runs, exactly as IJG jdphuff.c.
/// The caller inverse-transforms the blocks after the last scan (<see cref="Finish"/>).
/// </summary>
internal static class ProgressiveScanDecoder
{
    /// <summary>Decodes the scan; returns the offset where its entropy-coded data ended.</summary>
    public static int Decode(ReadOnlySpan<byte> data, JpegFrame frame, JpegScan scan, in JpegTables tables, int restartInterval)
    {
        int ss = scan.SpectralStart, se = scan.SpectralEnd, ah = scan.ApproximationHigh, al = scan.ApproximationLow;
        var n = scan.ComponentIndexes.Length;
        var dcScan = ss == 0;
        if ((dcScan && se != 0) || (!dcScan && (se < ss || se > 63 || n != 1)) || al > 13 || ah > 13)
        {
            throw new DicomFormatException($"JPEG: invalid progressive scan Ss={ss} Se={se} Ah={ah} Al={al} with {n} components");
        }
        var components = new JpegComponent[n];
        var huffman = new HuffmanTable?[n];
        for (var i = 0; i < n; i++)
        {
            var c = components[i] = frame.Components[scan.ComponentIndexes[i]];
            c.DcPredictor = 0;
            // The quantisation table is latched when a component's first scan starts (jdinput.c latch_quant_tables).
            c.LatchedQuant ??= tables.Quant[c.QuantTable] ?? throw new DicomFormatException($"JPEG: quantisation table {c.QuantTable} is not defined");
            if (dcScan ? ah == 0 : true)
            {
                huffman[i] = (dcScan ? tables.Dc[scan.DcTables[i]] : tables.Ac[scan.AcTables[i]])
                    ?? throw new DicomFormatException($"JPEG: Huffman table for component {c.Id} is not defined");
            }
        }
        var (mcusX, mcusY) = frame.DctMcuCount(components);
        var reader = new JpegBitReader(data, scan.DataOffset);
        var eobRun = 0;
        var mcu = 0;
        for (var my = 0; my < mcusY; my++)
        {
            for (var mx = 0; mx < mcusX; mx++, mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    reader.Restart();
                    eobRun = 0;
                    foreach (var c in components)
                    {
                        c.DcPredictor = 0;
                    }
                }
                for (var i = 0; i < n; i++)
                {
                    var c = components[i];
                    int h = n == 1 ? 1 : c.H, v = n == 1 ? 1 : c.V;
                    for (var by = 0; by < v; by++)
                    {
                        for (var bx = 0; bx < h; bx++)
                        {
                            var blockRow = (my * v) + by;
                            var blockColumn = (mx * h) + bx;
                            var block = c.Coefficients.AsSpan(((blockRow * (c.Stride / 8)) + blockColumn) * 64, 64);
                            if (dcScan)
                            {
                                DecodeDc(ref reader, huffman[i], c, block, ah, al);
                            }
                            else if (ah == 0)
                            {
                                DecodeAcFirst(ref reader, huffman[i]!, block, ss, se, al, ref eobRun);
                            }
                            else
                            {
                                DecodeAcRefine(ref reader, huffman[i]!, block, ss, se, al, ref eobRun);
                            }
                        }
                    }
                }
            }
        }
        return reader.Position;
    }

    /// <summary>Dequantises and inverse-transforms every block of every component into its sample plane.</summary>
    public static void Finish(JpegFrame frame)
    {
        Span<int> block = stackalloc int[64];
        var natural = DctScanDecoder.NaturalOrder;
        foreach (var c in frame.Components)
        {
            var quant = c.LatchedQuant;
            if (quant is null)
            {
                throw new DicomFormatException($"JPEG: component {c.Id} appears in no scan");
            }
            var blocksPerLine = c.Stride / 8;
            var blockRows = c.PlaneRows / 8;
            for (var by = 0; by < blockRows; by++)
            {
                for (var bx = 0; bx < blocksPerLine; bx++)
                {
                    var coefficients = c.Coefficients.AsSpan(((by * blocksPerLine) + bx) * 64, 64);
                    for (var k = 0; k < 64; k++)
                    {
                        block[natural[k]] = coefficients[natural[k]] * quant[k];
                    }
                    IslowIdct.Transform(block, frame.Precision, c.Samples.AsSpan((by * 8 * c.Stride) + (bx * 8)), c.Stride);
                }
            }
        }
    }

    private static void DecodeDc(ref JpegBitReader reader, HuffmanTable? table, JpegComponent c, Span<short> block, int ah, int al)
    {
        if (ah == 0)
        {
            c.DcPredictor += reader.DecodeDifference(table!);
            block[0] = (short)(c.DcPredictor << al);
        }
        else if (reader.ReadBit() != 0)
        {
            block[0] |= (short)(1 << al);
        }
    }

    private static void DecodeAcFirst(ref JpegBitReader reader, HuffmanTable table, Span<short> block, int ss, int se, int al, ref int eobRun)
    {
        if (eobRun > 0)
        {
            eobRun--;
            return;
        }
        var natural = DctScanDecoder.NaturalOrder;
        for (var k = ss; k <= se; k++)
        {
            var symbol = reader.DecodeHuffman(table);
            int r = symbol >> 4, s = symbol & 15;
            if (s != 0)
            {
                k += r;
                block[natural[k]] = (short)(reader.ReceiveExtend(s) << al);
            }
            else if (r == 15)
            {
                k += 15;
            }
            else
            {
                eobRun = (1 << r) + reader.ReadBits(r) - 1;
                break;
            }
        }
    }

    private static void DecodeAcRefine(ref JpegBitReader reader, HuffmanTable table, Span<short> block, int ss, int se, int al, ref int eobRun)
    {
        var natural = DctScanDecoder.NaturalOrder;
        int p1 = 1 << al, m1 = -1 << al;
        var k = ss;
        if (eobRun == 0)
        {
            for (; k <= se; k++)
            {
                var symbol = reader.DecodeHuffman(table);
                int r = symbol >> 4, s = symbol & 15;
                if (s != 0)
                {
                    s = reader.ReadBit() != 0 ? p1 : m1; // s should be 1: a newly non-zero coefficient of ±1 << Al
                }
                else if (r != 15)
                {
                    eobRun = (1 << r) + reader.ReadBits(r);
                    break;
                }
                do
                {
                    ref var coefficient = ref block[natural[k]];
                    if (coefficient != 0)
                    {
                        Refine(ref reader, ref coefficient, p1, m1);
                    }
                    else if (--r < 0)
                    {
                        break; // reached the zero coefficient that becomes non-zero
                    }
                    k++;
                }
                while (k <= se);
                if (s != 0)
                {
                    block[natural[k]] = (short)s;
                }
            }
        }
        if (eobRun > 0)
        {
            for (; k <= se; k++)
            {
                ref var coefficient = ref block[natural[k]];
                if (coefficient != 0)
                {
                    Refine(ref reader, ref coefficient, p1, m1);
                }
            }
            eobRun--;
        }
    }

    private static void Refine(ref JpegBitReader reader, ref short coefficient, int p1, int m1)
    {
        if (reader.ReadBit() != 0 && (coefficient & p1) == 0)
        {
            coefficient += (short)(coefficient >= 0 ? p1 : m1);
        }
    }
}
