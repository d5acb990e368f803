using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegLossless;

/// <summary>
/// Decodes one lossless (process 14) scan into the components' sample planes (T.81 Annex H), including point
/// transform and restart intervals. Samples are kept modulo 2^16 like libjpeg; the point transform is applied on output.
/// </summary>
internal static class LosslessScanDecoder
{
    /// <summary>Decodes the scan; returns the offset where its entropy-coded data ended.</summary>
    public static int Decode(ReadOnlySpan<byte> data, JpegFrame frame, JpegScan scan, HuffmanTable?[] tables, int restartInterval)
    {
        var predictor = scan.SpectralStart;
        var pointTransform = scan.ApproximationLow;
        if (predictor is < 1 or > 7)
        {
            throw new DicomFormatException($"JPEG lossless: predictor selection value {predictor} (1-7 expected)");
        }
        if (frame.Precision is < 2 or > 16 || pointTransform >= frame.Precision)
        {
            throw new DicomFormatException($"JPEG lossless: precision {frame.Precision} with point transform {pointTransform}");
        }
        var n = scan.ComponentIndexes.Length;
        var components = new JpegComponent[n];
        var huffman = new HuffmanTable[n];
        for (var i = 0; i < n; i++)
        {
            components[i] = frame.Components[scan.ComponentIndexes[i]];
            huffman[i] = tables[scan.DcTables[i]] ?? throw new DicomFormatException($"JPEG lossless: Huffman table {scan.DcTables[i]} is not defined");
            if (n > 1 && (components[i].H != 1 || components[i].V != 1))
            {
                throw new UnsupportedTransferSyntaxException("JPEG lossless: interleaved scan with subsampled components is not supported");
            }
        }
        var width = components[0].Width;
        var height = components[0].Height;
        var restartRows = 0;
        if (restartInterval > 0)
        {
            var mcusPerRow = n == 1 ? width : frame.SamplesPerLine;
            if (restartInterval % mcusPerRow != 0)
            {
                throw new DicomFormatException($"JPEG lossless: restart interval {restartInterval} is not a multiple of the {mcusPerRow} MCUs per line");
            }
            restartRows = restartInterval / mcusPerRow;
        }
        var initial = 1 << (frame.Precision - pointTransform - 1);
        var reader = new JpegBitReader(data, scan.DataOffset);
        for (var y = 0; y < height; y++)
        {
            var firstLine = y == 0;
            if (restartRows > 0 && y > 0 && y % restartRows == 0)
            {
                reader.Restart();
                firstLine = true;
            }
            if (n == 1)
            {
                DecodeLine(ref reader, huffman[0], components[0], y, firstLine, predictor, initial);
            }
            else
            {
                DecodeInterleavedLine(ref reader, huffman, components, y, firstLine, predictor, initial);
            }
        }
        return reader.Position;
    }

    private static void DecodeLine(ref JpegBitReader reader, HuffmanTable table, JpegComponent c, int y, bool firstLine, int predictor, int initial)
    {
        var line = c.Samples.AsSpan(y * c.Stride, c.Width);
        if (firstLine)
        {
            line[0] = (ushort)(initial + Difference(ref reader, table));
            DecodeRun<Predictor1>(ref reader, table, line, line, 1);
            return;
        }
        var above = c.Samples.AsSpan((y - 1) * c.Stride, c.Width);
        line[0] = (ushort)(above[0] + Difference(ref reader, table));
        switch (predictor)
        {
            case 1: DecodeRun<Predictor1>(ref reader, table, line, above, 1); break;
            case 2: DecodeRun<Predictor2>(ref reader, table, line, above, 1); break;
            case 3: DecodeRun<Predictor3>(ref reader, table, line, above, 1); break;
            case 4: DecodeRun<Predictor4>(ref reader, table, line, above, 1); break;
            case 5: DecodeRun<Predictor5>(ref reader, table, line, above, 1); break;
            case 6: DecodeRun<Predictor6>(ref reader, table, line, above, 1); break;
            default: DecodeRun<Predictor7>(ref reader, table, line, above, 1); break;
        }
    }

    private static void DecodeRun<TPredictor>(ref JpegBitReader reader, HuffmanTable table, Span<ushort> line, ReadOnlySpan<ushort> above, int start)
        where TPredictor : struct, ILosslessPredictor
    {
        ref var cur = ref MemoryMarshal.GetReference(line);
        ref var up = ref MemoryMarshal.GetReference(above);
        int ra = Unsafe.Add(ref cur, start - 1);
        var local = reader; // a local copy lets the JIT keep the bit buffer in registers
        for (var x = start; x < line.Length; x++)
        {
            int rb = Unsafe.Add(ref up, x), rc = Unsafe.Add(ref up, x - 1);
            ra = (TPredictor.Predict(ra, rb, rc) + local.DecodeDifference(table)) & 0xFFFF;
            Unsafe.Add(ref cur, x) = (ushort)ra;
        }
        reader = local;
    }

    private static void DecodeInterleavedLine(ref JpegBitReader reader, HuffmanTable[] tables, JpegComponent[] components, int y, bool firstLine,
        int predictor, int initial)
    {
        var width = components[0].Width;
        for (var x = 0; x < width; x++)
        {
            for (var i = 0; i < components.Length; i++)
            {
                var c = components[i];
                var at = (y * c.Stride) + x;
                int prediction;
                if (firstLine)
                {
                    prediction = x == 0 ? initial : c.Samples[at - 1];
                }
                else if (x == 0)
                {
                    prediction = c.Samples[at - c.Stride];
                }
                else
                {
                    int ra = c.Samples[at - 1], rb = c.Samples[at - c.Stride], rc = c.Samples[at - c.Stride - 1];
                    prediction = predictor switch
                    {
                        1 => ra,
                        2 => rb,
                        3 => rc,
                        4 => ra + rb - rc,
                        5 => ra + ((rb - rc) >> 1),
                        6 => rb + ((ra - rc) >> 1),
                        _ => (ra + rb) >> 1,
                    };
                }
                c.Samples[at] = (ushort)(prediction + Difference(ref reader, tables[i]));
            }
        }
    }

    /// <summary>One Huffman-coded difference (T.81 H.1.2.2): category 16 means 32768 with no extra bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Difference(ref JpegBitReader reader, HuffmanTable table) => reader.DecodeDifference(table);
}
