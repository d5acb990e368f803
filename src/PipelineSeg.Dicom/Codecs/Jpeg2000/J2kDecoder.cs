using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// Decodes a JPEG 2000 codestream: packets in any of the five progression orders (T.800 B.12), tier-1 code-blocks,
/// inverse 5/3 (integer) or 9/7 (float) wavelet, RCT/ICT colour transform, DC level shift.
/// </summary>
internal static class J2kDecoder
{

    public static void Decode(ReadOnlySpan<byte> encoded, PixelFrameInfo info, Span<byte> destination)
    {
        var data = encoded.ToArray();
        var cs = J2kCodestream.Parse(data);
        int width = cs.Width - cs.X0, height = cs.Height - cs.Y0;
        if (width != info.Columns || height != info.Rows || cs.Components.Length != info.SamplesPerPixel)
        {
            throw new DicomFormatException($"JPEG 2000 image is {width}x{height}x{cs.Components.Length} but the dataset says {info.Columns}x{info.Rows}x{info.SamplesPerPixel}");
        }
        if (cs.Components.Any(c => c.Dx != 1 || c.Dy != 1 || c.Depth > 16))
        {
            throw new UnsupportedTransferSyntaxException("JPEG 2000: subsampled components or more than 16 bits are not supported");
        }
        if (cs.Styles.Any(s => s.BlockStyle != 0))
        {
            throw new UnsupportedTransferSyntaxException($"JPEG 2000: code-block style {cs.Styles.First(s => s.BlockStyle != 0).BlockStyle} is not supported");
        }
        var planes = cs.Components.Select(_ => new int[width * height]).ToArray();
        var irreversible = cs.Styles.Any(st => !st.Reversible);
        var floatPlanes = irreversible ? cs.Components.Select(_ => new float[width * height]).ToArray() : null;
        var tilesX = J2kTileComponent.CeilDiv(cs.Width - cs.TileX0, cs.TileWidth);
        var tilesY = J2kTileComponent.CeilDiv(cs.Height - cs.TileY0, cs.TileHeight);
        if ((long)tilesX * tilesY > 65535)
        {
            throw new DicomFormatException("JPEG 2000: too many tiles");
        }
        foreach (var (tile, parts) in cs.Tiles)
        {
            if (tile >= tilesX * tilesY)
            {
                throw new DicomFormatException($"JPEG 2000: tile index {tile} out of range");
            }
            DecodeTile(cs, data, tile % tilesX, tile / tilesX, parts, planes, floatPlanes, width);
        }
        if (floatPlanes is not null)
        {
            J2kIrreversible.ToIntegers(cs, floatPlanes, planes);
        }
        Output(cs, planes, info, destination, applyRct: !irreversible);
    }

    private static void DecodeTile(J2kCodestream cs, byte[] data, int p, int q, List<(int Offset, int Length)> parts, int[][] planes,
        float[][]? floatPlanes, int width)
    {
        int tx0 = Math.Max(cs.TileX0 + (p * cs.TileWidth), cs.X0), tx1 = Math.Min(cs.TileX0 + ((p + 1) * cs.TileWidth), cs.Width);
        int ty0 = Math.Max(cs.TileY0 + (q * cs.TileHeight), cs.Y0), ty1 = Math.Min(cs.TileY0 + ((q + 1) * cs.TileHeight), cs.Height);
        var components = cs.Styles.Select((s, i) => new J2kTileComponent(s, cs.Components[i].Depth, tx0, ty0, tx1, ty1)).ToArray();
        var tileData = parts.Count == 1 ? data.AsSpan(parts[0].Offset, parts[0].Length).ToArray() : parts.SelectMany(t => data.AsSpan(t.Offset, t.Length).ToArray()).ToArray();
        var position = 0;
        foreach (var (layer, r, c, k) in J2kProgression.Packets(cs, components))
        {
            position = J2kPacketReader.Read(cs, tileData, position, layer, components[c].Precincts[r].Items[k]);
        }
        var block = new J2kBlockDecoder();
        var scratch = new int[64 * 64];
        for (var c = 0; c < components.Length; c++)
        {
            var tc = components[c];
            foreach (var precincts in tc.Precincts)
            {
                foreach (var precinct in precincts.Items)
                {
                    foreach (var (band, _, _, blocks, _, _) in precinct.Bands)
                    {
                        foreach (var cb in blocks)
                        {
                            int w = cb.X1 - cb.X0, h = cb.Y1 - cb.Y0;
                            if (scratch.Length < w * h)
                            {
                                scratch = new int[w * h];
                            }
                            var bytes = cb.Data.ToArray();
                            block.Decode(bytes, bytes.Length, w, h, band.Orientation, band.MagnitudeBits - 1 - cb.ZeroPlanes, cb.Passes, scratch);
                            if (tc.Style.Reversible)
                            {
                                // Doubled mid-point magnitudes: halving gives the integer (exact when every pass was coded).
                                for (var i = 0; i < w * h; i++)
                                {
                                    scratch[i] = scratch[i] < 0 ? -(-scratch[i] >> 1) : scratch[i] >> 1;
                                }
                            }
                            for (var y = 0; y < h; y++)
                            {
                                scratch.AsSpan(y * w, w).CopyTo(band.Coefficients.AsSpan(((cb.Y0 - band.Y0 + y) * band.Width) + (cb.X0 - band.X0)));
                            }
                        }
                    }
                }
            }
            int cw = tc.X1 - tc.X0;
            if (floatPlanes is not null)
            {
                var values = tc.Style.Reversible ? tc.Reconstruct().Select(v => (float)v).ToArray() : J2kIrreversible.Reconstruct(tc);
                for (var y = tc.Y0; y < tc.Y1; y++)
                {
                    values.AsSpan((y - tc.Y0) * cw, cw).CopyTo(floatPlanes[c].AsSpan(((y - cs.Y0) * width) + (tc.X0 - cs.X0)));
                }
                continue;
            }
            var samples = tc.Reconstruct();
            for (var y = tc.Y0; y < tc.Y1; y++)
            {
                samples.AsSpan((y - tc.Y0) * cw, cw).CopyTo(planes[c].AsSpan(((y - cs.Y0) * width) + (tc.X0 - cs.X0)));
            }
        }
    }

    private static void Output(J2kCodestream cs, int[][] planes, PixelFrameInfo info, Span<byte> destination, bool applyRct)
    {
        var count = info.Rows * info.Columns;
        if (applyRct && cs.MultipleComponentTransform && planes.Length >= 3)
        {
            for (var i = 0; i < count; i++)
            {
                int y0 = planes[0][i], y1 = planes[1][i], y2 = planes[2][i];
                var g = y0 - ((y1 + y2) >> 2);
                planes[0][i] = y2 + g;
                planes[1][i] = g;
                planes[2][i] = y1 + g;
            }
        }
        for (var c = 0; c < planes.Length; c++)
        {
            var (depth, signed, _, _) = cs.Components[c];
            var shift = signed || !applyRct ? 0 : 1 << (depth - 1); // the irreversible path has shifted and clamped already
            var plane = planes[c];
            for (var i = 0; i < count; i++)
            {
                var value = plane[i] + shift;
                switch (info.BitsAllocated)
                {
                    case 1:
                        if ((value & 1) != 0)
                        {
                            destination[i >> 3] |= (byte)(1 << (i & 7));
                        }
                        else
                        {
                            destination[i >> 3] &= (byte)~(1 << (i & 7));
                        }
                        break;
                    case 8:
                        destination[info.PlanarConfiguration == 1 ? (c * count) + i : (i * planes.Length) + c] = (byte)value;
                        break;
                    default:
                        var at = (info.PlanarConfiguration == 1 ? (c * count) + i : (i * planes.Length) + c) * info.BytesPerSample;
                        if (info.BytesPerSample == 2)
                        {
                            BinaryPrimitives.WriteUInt16LittleEndian(destination[at..], (ushort)value);
                        }
                        else
                        {
                            BinaryPrimitives.WriteInt32LittleEndian(destination[at..], value);
                        }
                        break;
                }
            }
        }
    }
}
