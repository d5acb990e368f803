using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegBaseline;

/// <summary>
/// Decodes one sequential Huffman DCT scan (processes 1, 2 and 4: 8 or 12 bits, up to 4 tables) block by block,
/// inverse-transforming each block straight into its component plane.
/// </summary>
internal static class DctScanDecoder
{
    /// <summary>Zig-zag index → natural index, with 16 extra entries so a corrupt run cannot index past 63.</summary>
    internal static ReadOnlySpan<byte> NaturalOrder =>
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63,
    ];

    /// <summary>Decodes the scan; returns the offset where its entropy-coded data ended.</summary>
    public static int Decode(ReadOnlySpan<byte> data, JpegFrame frame, JpegScan scan, in JpegTables tables, int restartInterval)
    {
        if (scan.SpectralStart != 0 || scan.SpectralEnd != 63 || scan.ApproximationHigh != 0 || scan.ApproximationLow != 0)
        {
            throw new DicomFormatException($"JPEG: sequential DCT scan with Ss={scan.SpectralStart} Se={scan.SpectralEnd} Ah={scan.ApproximationHigh} Al={scan.ApproximationLow}");
        }
        var n = scan.ComponentIndexes.Length;
        var components = new JpegComponent[n];
        var dc = new HuffmanTable[n];
        var ac = new HuffmanTable[n];
        var quant = new ushort[n][];
        for (var i = 0; i < n; i++)
        {
            var c = components[i] = frame.Components[scan.ComponentIndexes[i]];
            dc[i] = tables.Dc[scan.DcTables[i]] ?? throw new DicomFormatException($"JPEG: DC Huffman table {scan.DcTables[i]} is not defined");
            ac[i] = tables.Ac[scan.AcTables[i]] ?? throw new DicomFormatException($"JPEG: AC Huffman table {scan.AcTables[i]} is not defined");
            quant[i] = tables.Quant[c.QuantTable] ?? throw new DicomFormatException($"JPEG: quantisation table {c.QuantTable} is not defined");
            c.DcPredictor = 0;
        }

        var (mcusX, mcusY) = frame.DctMcuCount(components);

        var reader = new JpegBitReader(data, scan.DataOffset);
        Span<int> block = stackalloc int[64];
        var mcu = 0;
        for (var my = 0; my < mcusY; my++)
        {
            for (var mx = 0; mx < mcusX; mx++, mcu++)
            {
                if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0)
                {
                    reader.Restart();
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
                            var hasAc = DecodeBlock(ref reader, dc[i], ac[i], quant[i], c, block);
                            var x0 = ((mx * h) + bx) * 8;
                            var y0 = ((my * v) + by) * 8;
                            var target = c.Samples.AsSpan((y0 * c.Stride) + x0);
                            if (hasAc)
                            {
                                IslowIdct.Transform(block, frame.Precision, target, c.Stride);
                            }
                            else
                            {
                                IslowIdct.TransformDcOnly(block[0], frame.Precision, target, c.Stride);
                            }
                        }
                    }
                }
            }
        }
        return reader.Position;
    }

    /// <summary>Decodes one block's coefficients (dequantised, natural order); returns false when all AC terms are zero.</summary>
    private static bool DecodeBlock(ref JpegBitReader reader, HuffmanTable dc, HuffmanTable ac, ushort[] quant, JpegComponent c, scoped Span<int> block)
    {
        var hasAc = false;
        block.Clear();
        var category = reader.DecodeHuffman(dc);
        if (category > 16)
        {
            throw new DicomFormatException($"JPEG: DC difference category {category}");
        }
        c.DcPredictor += reader.ReceiveExtend(category);
        block[0] = c.DcPredictor * quant[0];
        var natural = NaturalOrder;
        for (var k = 1; k < 64; k++)
        {
            var symbol = reader.DecodeHuffman(ac);
            var run = symbol >> 4;
            var size = symbol & 15;
            if (size != 0)
            {
                k += run;
                if (k > 63)
                {
                    k = 63; // corrupt run: libjpeg clamps the same way
                }
                block[natural[k]] = reader.ReceiveExtend(size) * quant[k];
                hasAc = true;
            }
            else
            {
                if (run != 15)
                {
                    break; // EOB
                }
                k += 15;
            }
        }
        return hasAc;
    }
}
