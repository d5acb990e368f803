using System.Buffers;
using PipelineSeg.Dicom.Codecs.JpegBaseline;
using PipelineSeg.Dicom.Codecs.JpegLossless;

namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>
/// Decodes a JPEG (T.81) frame of any supported process — baseline, extended and progressive DCT, lossless — whatever
/// the transfer syntax claims (mislabelled files are common), into native Pixel Data layout.
/// </summary>
internal static class JpegDecoder
{
    /// <summary>Progressive encoders use about 10 scans (cjpeg 10, successive approximation up to ~20); 4 components at most otherwise.</summary>
    private const int MaxScans = 64;

    /// <summary>Decodes <paramref name="data"/>; <paramref name="convertYbrToRgb"/> applies to 3-component DCT frames.</summary>
    public static void Decode(ReadOnlySpan<byte> data, PixelFrameInfo info, Span<byte> destination, bool convertYbrToRgb)
    {
        CodecGuard.CheckDestination(info, destination, "JPEG");
        var reader = new JpegStreamReader(data);
        JpegFrame? frame = null;
        var rented = new List<ushort[]>();
        var coefficients = new List<short[]>();
        try
        {
            var scans = 0;
            while (reader.NextScan() is { } scan)
            {
                // Every scan walks the whole image: bound their number so a hostile stream cannot take unbounded time.
                if (++scans > MaxScans)
                {
                    throw new DicomFormatException($"JPEG: more than {MaxScans} scans in one frame");
                }
                if (frame is null)
                {
                    frame = reader.Frame!;
                    if (frame.Marker == JpegMarkers.Sof55JpegLs)
                    {
                        // A JPEG-LS codestream under a JPEG transfer syntax: decode what is there.
                        JpegLs.JpegLsDecoder.Decode(data, info, destination);
                        return;
                    }
                    Prepare(frame, info, rented);
                    if (frame.Marker == JpegMarkers.Sof2Progressive)
                    {
                        AllocateCoefficients(frame, coefficients);
                    }
                }
                var end = frame.Marker switch
                {
                    JpegMarkers.Sof3Lossless => LosslessScanDecoder.Decode(data, frame, scan, reader.DcTables, reader.RestartInterval),
                    JpegMarkers.Sof0Baseline or JpegMarkers.Sof1ExtendedHuffman =>
                        DctScanDecoder.Decode(data, frame, scan, new JpegTables(reader.DcTables, reader.AcTables, reader.QuantTables), reader.RestartInterval),
                    JpegMarkers.Sof2Progressive =>
                        ProgressiveScanDecoder.Decode(data, frame, scan, new JpegTables(reader.DcTables, reader.AcTables, reader.QuantTables), reader.RestartInterval),
                    _ => throw Unsupported(frame.Marker),
                };
                if (frame.Marker == JpegMarkers.Sof3Lossless)
                {
                    foreach (var index in scan.ComponentIndexes)
                    {
                        frame.Components[index].PointTransform = scan.ApproximationLow;
                    }
                }
                reader.ContinueAt(end);
            }
            if (frame is null)
            {
                throw new DicomFormatException("JPEG: no scan in the frame");
            }
            if (frame.Marker == JpegMarkers.Sof2Progressive)
            {
                ProgressiveScanDecoder.Finish(frame);
            }
            Output(frame, info, convertYbrToRgb, destination, rented);
        }
        finally
        {
            foreach (var array in rented)
            {
                ArrayPool<ushort>.Shared.Return(array);
            }
            foreach (var array in coefficients)
            {
                ArrayPool<short>.Shared.Return(array);
            }
        }
    }

    private static void Prepare(JpegFrame frame, PixelFrameInfo info, List<ushort[]> rented)
    {
        if (frame.Marker is not (JpegMarkers.Sof0Baseline or JpegMarkers.Sof1ExtendedHuffman or JpegMarkers.Sof2Progressive or JpegMarkers.Sof3Lossless))
        {
            throw Unsupported(frame.Marker);
        }
        if (frame.Lines != info.Rows || frame.SamplesPerLine != info.Columns || frame.Components.Length != info.SamplesPerPixel)
        {
            throw new DicomFormatException(
                $"JPEG frame is {frame.SamplesPerLine}x{frame.Lines}x{frame.Components.Length} but the dataset says {info.Columns}x{info.Rows}x{info.SamplesPerPixel}");
        }
        var lossless = frame.Marker == JpegMarkers.Sof3Lossless;
        if (lossless ? frame.Precision is < 2 or > 16 : frame.Precision is not (8 or 12))
        {
            throw new DicomFormatException($"JPEG: sample precision {frame.Precision} is not valid for SOF{frame.Marker - 0xC0}");
        }
        if (frame.Precision > info.BitsAllocated || info.BitsAllocated == 1)
        {
            throw new DicomFormatException($"JPEG: {frame.Precision}-bit samples do not fit Bits Allocated {info.BitsAllocated}");
        }
        int maxH = frame.MaxH, maxV = frame.MaxV;
        var mcuWidth = lossless ? maxH : 8 * maxH;
        var mcuHeight = lossless ? maxV : 8 * maxV;
        var mcusX = (frame.SamplesPerLine + mcuWidth - 1) / mcuWidth;
        var mcusY = (frame.Lines + mcuHeight - 1) / mcuHeight;
        foreach (var c in frame.Components)
        {
            c.Width = (int)(((long)frame.SamplesPerLine * c.H + maxH - 1) / maxH);
            c.Height = (int)(((long)frame.Lines * c.V + maxV - 1) / maxV);
            c.Stride = lossless && maxH == 1 ? c.Width : mcusX * c.H * (lossless ? 1 : 8);
            c.PlaneRows = lossless && maxV == 1 ? c.Height : mcusY * c.V * (lossless ? 1 : 8);
            var length = c.Stride * c.PlaneRows;
            var samples = ArrayPool<ushort>.Shared.Rent(length);
            rented.Add(samples);
            samples.AsSpan(0, length).Clear();
            c.Samples = samples;
        }
    }

    /// <summary>Progressive frames keep every coefficient until the last scan: one short per sample of the padded planes.</summary>
    private static void AllocateCoefficients(JpegFrame frame, List<short[]> coefficients)
    {
        foreach (var c in frame.Components)
        {
            var length = c.Stride * c.PlaneRows;
            var buffer = ArrayPool<short>.Shared.Rent(length);
            coefficients.Add(buffer);
            buffer.AsSpan(0, length).Clear();
            c.Coefficients = buffer;
        }
    }

    private static void Output(JpegFrame frame, PixelFrameInfo info, bool convertYbrToRgb, Span<byte> destination, List<ushort[]> rented)
    {
        var n = frame.Components.Length;
        var planes = new ushort[n][];
        var strides = new int[n];
        int maxH = frame.MaxH, maxV = frame.MaxV;
        for (var i = 0; i < n; i++)
        {
            var c = frame.Components[i];
            if (c.H == maxH && c.V == maxV)
            {
                planes[i] = c.Samples;
                strides[i] = c.Stride;
                continue;
            }
            if (frame.Marker == JpegMarkers.Sof3Lossless || maxH % c.H != 0 || maxV % c.V != 0)
            {
                throw new UnsupportedTransferSyntaxException($"JPEG: component sampling {c.H}x{c.V} of {maxH}x{maxV} is not supported");
            }
            var full = ArrayPool<ushort>.Shared.Rent(frame.SamplesPerLine * frame.Lines);
            rented.Add(full);
            Upsampler.Upsample(c.Samples, c.Stride, c.Width, c.Height, maxH / c.H, maxV / c.V, full, frame.SamplesPerLine, frame.Lines);
            planes[i] = full;
            strides[i] = frame.SamplesPerLine;
        }
        if (n == 3 && convertYbrToRgb && frame.Marker != JpegMarkers.Sof3Lossless)
        {
            // Colour conversion needs equal strides: copy to full-size planes where the stride differs.
            for (var i = 0; i < 3; i++)
            {
                if (strides[i] != frame.SamplesPerLine)
                {
                    var compact = ArrayPool<ushort>.Shared.Rent(frame.SamplesPerLine * frame.Lines);
                    rented.Add(compact);
                    for (var y = 0; y < frame.Lines; y++)
                    {
                        planes[i].AsSpan(y * strides[i], frame.SamplesPerLine).CopyTo(compact.AsSpan(y * frame.SamplesPerLine));
                    }
                    planes[i] = compact;
                    strides[i] = frame.SamplesPerLine;
                }
            }
            var count = frame.SamplesPerLine * frame.Lines;
            YCbCrToRgb.Convert(planes[0].AsSpan(0, count), planes[1].AsSpan(0, count), planes[2].AsSpan(0, count), frame.Precision);
        }
        SampleWriter.Write(planes, strides, info, frame.Components.Select(c => c.PointTransform).ToArray(), destination);
    }

    private static UnsupportedTransferSyntaxException Unsupported(byte marker) => new(marker switch
    {
        >= 0xC9 and <= 0xCF => $"JPEG: arithmetic coding (SOF{marker - 0xC0}) is not supported",
        _ => $"JPEG: coding process SOF{marker - 0xC0} (hierarchical/differential) is not supported",
    });
}
