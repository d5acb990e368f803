using System.Buffers;
using PipelineSeg.Dicom.Codecs.Jpeg;

namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>
/// Decodes a JPEG-LS (T.87) frame: one scan per component (ILV 0), line-interleaved (ILV 1) or sample-interleaved
/// (ILV 2), lossless or near-lossless, default or LSE preset parameters.
/// </summary>
internal static class JpegLsDecoder
{
    public static void Decode(ReadOnlySpan<byte> data, PixelFrameInfo info, Span<byte> destination)
    {
        CodecGuard.CheckDestination(info, destination, "JPEG-LS");
        var reader = new JpegStreamReader(data);
        ushort[][]? planes = null;
        try
        {
            JpegFrame? frame = null;
            var scans = 0;
            while (reader.NextScan() is { } scan)
            {
                if (++scans > 4)
                {
                    throw new DicomFormatException("JPEG-LS: more scans than components");
                }
                if (frame is null)
                {
                    frame = reader.Frame!;
                    if (frame.Marker != JpegMarkers.Sof55JpegLs)
                    {
                        // A JPEG (T.81) codestream under a JPEG-LS transfer syntax: decode what is there.
                        JpegDecoder.Decode(data, info, destination, JpegBaseline.JpegDctCodec.ConvertsToRgb(info.PhotometricInterpretation));
                        return;
                    }
                    planes = Prepare(frame, info);
                }
                var end = DecodeScan(data, frame, scan, reader.LsPresets, planes!);
                reader.ContinueAt(end);
            }
            if (frame is null || planes is null)
            {
                throw new DicomFormatException("JPEG-LS: no scan in the frame");
            }
            SampleWriter.Write(planes, Enumerable.Repeat(frame.SamplesPerLine, planes.Length).ToArray(), info, new int[planes.Length], destination);
        }
        finally
        {
            if (planes is not null)
            {
                foreach (var plane in planes)
                {
                    ArrayPool<ushort>.Shared.Return(plane);
                }
            }
        }
    }

    private static ushort[][] Prepare(JpegFrame frame, PixelFrameInfo info)
    {
        if (frame.Lines != info.Rows || frame.SamplesPerLine != info.Columns || frame.Components.Length != info.SamplesPerPixel)
        {
            throw new DicomFormatException(
                $"JPEG-LS frame is {frame.SamplesPerLine}x{frame.Lines}x{frame.Components.Length} but the dataset says {info.Columns}x{info.Rows}x{info.SamplesPerPixel}");
        }
        if (frame.Precision > info.BitsAllocated || frame.Precision is < 2 or > 16)
        {
            throw new DicomFormatException($"JPEG-LS: {frame.Precision}-bit samples do not fit Bits Allocated {info.BitsAllocated}");
        }
        if (frame.Components.Any(c => c.H != 1 || c.V != 1))
        {
            throw new UnsupportedTransferSyntaxException("JPEG-LS: subsampled components are not supported");
        }
        var planes = new ushort[frame.Components.Length][];
        for (var i = 0; i < planes.Length; i++)
        {
            planes[i] = ArrayPool<ushort>.Shared.Rent(frame.Lines * frame.SamplesPerLine);
            planes[i].AsSpan(0, frame.Lines * frame.SamplesPerLine).Clear();
        }
        return planes;
    }

    private static int DecodeScan(ReadOnlySpan<byte> data, JpegFrame frame, JpegScan scan, JpegLsPresets? presets, ushort[][] planes)
    {
        int near = scan.SpectralStart, interleave = scan.SpectralEnd;
        if (scan.ApproximationLow != 0 || scan.ApproximationHigh != 0 || scan.DcTables.Any(t => t != 0) || scan.AcTables.Any(t => t != 0))
        {
            throw new UnsupportedTransferSyntaxException("JPEG-LS: point transform or mapping tables are not supported");
        }
        var n = scan.ComponentIndexes.Length;
        if (interleave > 2 || (interleave == 0 && n != 1))
        {
            throw new DicomFormatException($"JPEG-LS: interleave mode {interleave} with {n} components");
        }
        var parameters = new JpegLsParameters(frame.Precision, near, presets);
        var decoder = new JpegLsScanDecoder(parameters);
        int width = frame.SamplesPerLine, height = frame.Lines;
        var prev = new int[n][];
        var cur = new int[n][];
        var runIndex = new int[n];
        for (var i = 0; i < n; i++)
        {
            prev[i] = new int[width + 2];
            cur[i] = new int[width + 2];
        }
        var reader = new JpegLsBitReader(data, scan.DataOffset);
        for (var y = 0; y < height; y++)
        {
            if (interleave == 2)
            {
                decoder.DecodeInterleavedLine(ref reader, prev, cur, width, ref runIndex[0]);
            }
            for (var i = 0; i < n; i++)
            {
                if (interleave != 2)
                {
                    decoder.DecodeLine(ref reader, prev[i], cur[i], width, ref runIndex[i]);
                }
                var plane = planes[scan.ComponentIndexes[i]].AsSpan(y * width, width);
                var line = cur[i].AsSpan(1, width);
                for (var x = 0; x < width; x++)
                {
                    plane[x] = (ushort)line[x];
                }
                (prev[i], cur[i]) = (cur[i], prev[i]);
            }
        }
        return NextMarker(data, reader.Position);
    }

    /// <summary>In JPEG-LS data 0xFF is followed by a byte &lt; 0x80; the scan ends at the first 0xFF ≥ 0x80 pair.</summary>
    private static int NextMarker(ReadOnlySpan<byte> data, int position)
    {
        for (var i = position; i + 1 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] >= 0x80)
            {
                return i;
            }
        }
        return data.Length;
    }
}
