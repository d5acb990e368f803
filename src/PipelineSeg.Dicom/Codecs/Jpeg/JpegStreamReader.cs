using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>
/// Walks the marker segments of a JPEG / JPEG-LS codestream, collecting tables and the frame header, and stops at
/// each scan. Every segment length is checked against the remaining bytes.
/// </summary>
internal ref struct JpegStreamReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public JpegStreamReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        // Tolerate a few bytes of padding before SOI (seen in some exports).
        var soi = data[..Math.Min(data.Length, 64)].IndexOf([(byte)0xFF, JpegMarkers.Soi]);
        if (soi < 0)
        {
            throw new DicomFormatException("JPEG: no SOI marker at the start of the frame");
        }
        _position = soi + 2;
    }

    public JpegFrame? Frame { get; private set; }

    public HuffmanTable?[] DcTables { get; } = new HuffmanTable?[4];

    public HuffmanTable?[] AcTables { get; } = new HuffmanTable?[4];

    public ushort[]?[] QuantTables { get; } = new ushort[]?[4];

    /// <summary>Restart interval in MCUs (0 = none).</summary>
    public int RestartInterval { get; private set; }

    /// <summary>Adobe APP14 colour transform flag, or -1 when absent.</summary>
    public int AdobeTransform { get; private set; } = -1;

    /// <summary>JPEG-LS presets from LSE, if any.</summary>
    public JpegLsPresets? LsPresets { get; private set; }

    /// <summary>Reads marker segments up to the next SOS and returns that scan, or null at EOI / end of data.</summary>
    public JpegScan? NextScan()
    {
        while (true)
        {
            var marker = NextMarker();
            if (marker is null or JpegMarkers.Eoi)
            {
                return null;
            }
            if (marker is JpegMarkers.Soi || JpegMarkers.IsRestart(marker.Value))
            {
                continue; // stray RSTn after a scan, or a repeated SOI: no segment
            }
            var segment = ReadSegment(marker.Value);
            switch (marker.Value)
            {
                case JpegMarkers.Sos:
                    return ParseScan(segment, _position);
                case JpegMarkers.Dht:
                    ParseHuffmanTables(segment);
                    break;
                case JpegMarkers.Dqt:
                    ParseQuantTables(segment);
                    break;
                case JpegMarkers.Dri:
                    RestartInterval = segment.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(segment) : throw Bad("DRI segment too short");
                    break;
                case JpegMarkers.App14Adobe when segment.Length >= 12 && segment[..5].SequenceEqual("Adobe"u8):
                    AdobeTransform = segment[11];
                    break;
                case JpegMarkers.Lse:
                    ParseLse(segment);
                    break;
                default:
                    if (JpegMarkers.IsStartOfFrame(marker.Value) || marker.Value == JpegMarkers.Sof55JpegLs)
                    {
                        Frame = Frame is null ? ParseFrame(marker.Value, segment) : throw Bad("more than one SOF (hierarchical JPEG is not supported)");
                    }
                    break; // APPn, COM, DNL and unknown segments are skipped
            }
        }
    }

    /// <summary>Continues marker parsing at <paramref name="position"/> (where a scan's entropy-coded data ended).</summary>
    public void ContinueAt(int position) => _position = Math.Clamp(position, _position, _data.Length);

    private byte? NextMarker()
    {
        // Skip anything that is not a marker (trailing entropy bytes, fill bytes).
        while (_position + 1 < _data.Length)
        {
            if (_data[_position] == 0xFF && _data[_position + 1] is not 0x00 and not 0xFF)
            {
                var marker = _data[_position + 1];
                _position += 2;
                return marker;
            }
            _position++;
        }
        _position = _data.Length;
        return null;
    }

    private ReadOnlySpan<byte> ReadSegment(byte marker)
    {
        if (_position + 2 > _data.Length)
        {
            throw Bad($"marker FF{marker:X2} at the end of the data");
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]);
        if (length < 2 || _position + length > _data.Length)
        {
            throw Bad($"segment FF{marker:X2} length {length} exceeds the {_data.Length - _position} bytes that remain");
        }
        var segment = _data.Slice(_position + 2, length - 2);
        _position += length;
        return segment;
    }

    private static JpegFrame ParseFrame(byte marker, ReadOnlySpan<byte> s)
    {
        if (s.Length < 6 || s.Length < 6 + (3 * s[5]) || s[5] == 0)
        {
            throw Bad("SOF segment too short");
        }
        var components = new JpegComponent[s[5]];
        for (var i = 0; i < components.Length; i++)
        {
            var c = s.Slice(6 + (3 * i), 3);
            int h = c[1] >> 4, v = c[1] & 15;
            if (h is < 1 or > 4 || v is < 1 or > 4)
            {
                throw Bad($"component {c[0]} has sampling factors {h}x{v}");
            }
            components[i] = new JpegComponent(c[0], h, v, c[2] & 3);
        }
        return new JpegFrame(marker, s[0], BinaryPrimitives.ReadUInt16BigEndian(s[1..]), BinaryPrimitives.ReadUInt16BigEndian(s[3..]), components);
    }

    private readonly JpegScan ParseScan(ReadOnlySpan<byte> s, int dataOffset)
    {
        if (Frame is null)
        {
            throw Bad("SOS before SOF");
        }
        if (s.Length < 1 || s[0] is < 1 or > 4 || s.Length < 4 + (2 * s[0]))
        {
            throw Bad("SOS segment too short or bad component count");
        }
        var n = s[0];
        int[] indexes = new int[n], dc = new int[n], ac = new int[n];
        for (var i = 0; i < n; i++)
        {
            var id = s[1 + (2 * i)];
            indexes[i] = Array.FindIndex(Frame.Components, c => c.Id == id);
            if (indexes[i] < 0)
            {
                throw Bad($"scan names component {id} that is not in the frame");
            }
            dc[i] = s[2 + (2 * i)] >> 4;
            ac[i] = s[2 + (2 * i)] & 15;
            if (Frame.Marker != JpegMarkers.Sof55JpegLs && (dc[i] > 3 || ac[i] > 3))
            {
                throw Bad($"scan component {id} selects Huffman tables {dc[i]}/{ac[i]} (0-3 allowed)");
            }
        }
        var tail = s[(1 + (2 * n))..];
        return new JpegScan(indexes, dc, ac, tail[0], tail[1], tail[2] >> 4, tail[2] & 15, dataOffset);
    }

    private readonly void ParseHuffmanTables(ReadOnlySpan<byte> s)
    {
        while (s.Length > 0)
        {
            if (s.Length < 17)
            {
                throw Bad("DHT segment too short");
            }
            int tableClass = s[0] >> 4, id = s[0] & 15;
            var counts = s.Slice(1, 16);
            var total = 0;
            foreach (var c in counts)
            {
                total += c;
            }
            if (tableClass > 1 || id > 3 || total > 256 || s.Length < 17 + total)
            {
                throw Bad($"bad DHT table (class {tableClass}, id {id}, {total} symbols)");
            }
            var table = new HuffmanTable(counts, s.Slice(17, total));
            (tableClass == 0 ? DcTables : AcTables)[id] = table;
            s = s[(17 + total)..];
        }
    }

    private readonly void ParseQuantTables(ReadOnlySpan<byte> s)
    {
        while (s.Length > 0)
        {
            int precision = s[0] >> 4, id = s[0] & 15;
            var size = precision == 0 ? 64 : 128;
            if (precision > 1 || id > 3 || s.Length < 1 + size)
            {
                throw Bad("bad DQT segment");
            }
            var table = new ushort[64];
            for (var k = 0; k < 64; k++)
            {
                // Stored in zig-zag order; keep it that way (coefficients are decoded in zig-zag order too).
                table[k] = precision == 0 ? s[1 + k] : BinaryPrimitives.ReadUInt16BigEndian(s[(1 + (2 * k))..]);
            }
            QuantTables[id] = table;
            s = s[(1 + size)..];
        }
    }

    private void ParseLse(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 11 && s[0] == 1)
        {
            LsPresets = new JpegLsPresets(BinaryPrimitives.ReadUInt16BigEndian(s[1..]), BinaryPrimitives.ReadUInt16BigEndian(s[3..]),
                BinaryPrimitives.ReadUInt16BigEndian(s[5..]), BinaryPrimitives.ReadUInt16BigEndian(s[7..]), BinaryPrimitives.ReadUInt16BigEndian(s[9..]));
            return;
        }
        throw new UnsupportedTransferSyntaxException($"JPEG-LS: LSE marker segment type {(s.Length > 0 ? s[0] : -1)} (mapping tables / oversize images) is not supported");
    }

    private static DicomFormatException Bad(string reason) => new($"JPEG: {reason}");
}
