using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>
/// The main header and tile-parts of a JPEG 2000 codestream (T.800 Annex A). Only what a DICOM frame needs:
/// SIZ, COD/COC, QCD/QCC, SOT/SOD; POC, PPM/PPT and RGN are reported as unsupported.
/// </summary>
internal sealed class J2kCodestream
{
    public int Width { get; private set; }
    public int Height { get; private set; }
    public int X0 { get; private set; }
    public int Y0 { get; private set; }
    public int TileWidth { get; private set; }
    public int TileHeight { get; private set; }
    public int TileX0 { get; private set; }
    public int TileY0 { get; private set; }
    public (int Depth, bool Signed, int Dx, int Dy)[] Components { get; private set; } = [];
    public int Progression { get; private set; }
    public int Layers { get; private set; }
    public bool MultipleComponentTransform { get; private set; }
    public J2kCodingStyle[] Styles { get; private set; } = [];

    /// <summary>Concatenated tile-part data per tile index.</summary>
    public Dictionary<int, List<(int Offset, int Length)>> Tiles { get; } = [];

    public static J2kCodestream Parse(ReadOnlySpan<byte> data)
    {
        var stream = new J2kCodestream();
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0x4F)
        {
            throw new DicomFormatException("JPEG 2000: codestream does not start with SOC");
        }
        var position = 2;
        var currentTile = -1;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                throw new DicomFormatException($"JPEG 2000: marker expected at offset {position}");
            }
            var marker = data[position + 1];
            if (marker == 0xD9)
            {
                break; // EOC
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                throw new DicomFormatException($"JPEG 2000: marker FF{marker:X2} length {length} exceeds the data");
            }
            var segment = data.Slice(position + 4, length - 2);
            switch (marker)
            {
                case 0x51: stream.ParseSiz(segment); break;
                case 0x52: stream.ParseCod(segment); break;
                case 0x53: stream.ParseCoc(segment); break;
                case 0x5C: stream.ParseQcd(segment, -1); break;
                case 0x5D: stream.ParseQcc(segment); break;
                case 0x90:
                    {
                        currentTile = BinaryPrimitives.ReadUInt16BigEndian(segment);
                        var partLength = (int)BinaryPrimitives.ReadUInt32BigEndian(segment[2..]);
                        // Walk the tile-part header to SOD, then take the rest of the tile-part as data.
                        var tilePartEnd = partLength == 0 ? data.Length : position + partLength;
                        if (tilePartEnd > data.Length || tilePartEnd <= position)
                        {
                            tilePartEnd = data.Length; // truncated or bad Psot: use what is there
                        }
                        var p = position + 2 + length;
                        while (p + 2 <= tilePartEnd && !(data[p] == 0xFF && data[p + 1] == 0x93))
                        {
                            var m = data[p + 1];
                            var l = BinaryPrimitives.ReadUInt16BigEndian(data[(p + 2)..]);
                            if (p + 2 + l > tilePartEnd)
                            {
                                throw new DicomFormatException("JPEG 2000: tile-part header runs past the tile-part");
                            }
                            var s = data.Slice(p + 4, l - 2);
                            switch (m)
                            {
                                case 0x52: stream.ParseCod(s); break;
                                case 0x53: stream.ParseCoc(s); break;
                                case 0x5C: stream.ParseQcd(s, -1); break;
                                case 0x5D: stream.ParseQcc(s); break;
                                case 0x5F or 0x61 or 0x5E:
                                    throw new UnsupportedTransferSyntaxException("JPEG 2000: POC, PPT or RGN marker segments are not supported");
                            }
                            p += 2 + l;
                        }
                        p += 2; // SOD
                        if (!stream.Tiles.TryGetValue(currentTile, out var parts))
                        {
                            stream.Tiles[currentTile] = parts = [];
                        }
                        parts.Add((p, Math.Max(0, tilePartEnd - p)));
                        position = tilePartEnd;
                        continue;
                    }
                case 0x5F or 0x60 or 0x5E:
                    throw new UnsupportedTransferSyntaxException("JPEG 2000: POC, PPM or RGN marker segments are not supported");
            }
            position += 2 + length;
        }
        if (stream.Components.Length == 0 || stream.Layers == 0 || stream.Tiles.Count == 0)
        {
            throw new DicomFormatException("JPEG 2000: codestream lacks SIZ, COD or tile data");
        }
        return stream;
    }

    private void ParseSiz(ReadOnlySpan<byte> s)
    {
        if (s.Length < 36)
        {
            throw new DicomFormatException("JPEG 2000: SIZ too short");
        }
        Width = (int)BinaryPrimitives.ReadUInt32BigEndian(s[2..]);
        Height = (int)BinaryPrimitives.ReadUInt32BigEndian(s[6..]);
        X0 = (int)BinaryPrimitives.ReadUInt32BigEndian(s[10..]);
        Y0 = (int)BinaryPrimitives.ReadUInt32BigEndian(s[14..]);
        TileWidth = (int)BinaryPrimitives.ReadUInt32BigEndian(s[18..]);
        TileHeight = (int)BinaryPrimitives.ReadUInt32BigEndian(s[22..]);
        TileX0 = (int)BinaryPrimitives.ReadUInt32BigEndian(s[26..]);
        TileY0 = (int)BinaryPrimitives.ReadUInt32BigEndian(s[30..]);
        var count = BinaryPrimitives.ReadUInt16BigEndian(s[34..]);
        if (count is 0 or > 4 || s.Length < 36 + (3 * count) || Width <= X0 || Height <= Y0 || TileWidth <= 0 || TileHeight <= 0
            || X0 < 0 || Y0 < 0 || Width < 0 || Height < 0 || TileX0 < 0 || TileY0 < 0)
        {
            throw new DicomFormatException("JPEG 2000: unsupported or invalid SIZ");
        }
        Components = new (int, bool, int, int)[count];
        Styles = Enumerable.Range(0, count).Select(_ => new J2kCodingStyle()).ToArray();
        for (var i = 0; i < count; i++)
        {
            var c = s.Slice(36 + (3 * i), 3);
            Components[i] = ((c[0] & 0x7F) + 1, (c[0] & 0x80) != 0, Math.Max((int)c[1], 1), Math.Max((int)c[2], 1));
        }
    }

    private void ParseCod(ReadOnlySpan<byte> s)
    {
        if (s.Length < 10 || Components.Length == 0)
        {
            throw new DicomFormatException("JPEG 2000: COD before SIZ or too short");
        }
        Progression = s[1];
        Layers = BinaryPrimitives.ReadUInt16BigEndian(s[2..]);
        MultipleComponentTransform = s[4] != 0;
        for (var i = 0; i < Styles.Length; i++)
        {
            Styles[i] = ParseStyle(s[0], s[5..], Styles[i]);
        }
        if ((s[0] & 0x06) != 0)
        {
            UsesSopOrEph = s[0] & 0x06;
        }
    }

    /// <summary>Scod bits 1 (SOP) and 2 (EPH).</summary>
    public int UsesSopOrEph { get; private set; }

    private void ParseCoc(ReadOnlySpan<byte> s)
    {
        var wide = Components.Length > 256;
        var component = wide ? BinaryPrimitives.ReadUInt16BigEndian(s) : s[0];
        var rest = s[(wide ? 2 : 1)..];
        if (component >= Styles.Length || rest.Length < 6)
        {
            throw new DicomFormatException("JPEG 2000: bad COC");
        }
        Styles[component] = ParseStyle(rest[0], rest[1..], Styles[component]);
    }

    private static J2kCodingStyle ParseStyle(byte scod, ReadOnlySpan<byte> sp, J2kCodingStyle previous)
    {
        var style = previous.Clone();
        style.Levels = sp[0];
        style.BlockWidthExponent = (sp[1] & 0xF) + 2;
        style.BlockHeightExponent = (sp[2] & 0xF) + 2;
        style.BlockStyle = sp[3];
        style.Reversible = sp[4] == 1;
        if (style.Levels > 32 || style.BlockWidthExponent + style.BlockHeightExponent > 12)
        {
            throw new DicomFormatException("JPEG 2000: invalid decomposition levels or code-block size");
        }
        style.PrecinctWidthExponents = new int[style.Levels + 1];
        style.PrecinctHeightExponents = new int[style.Levels + 1];
        for (var r = 0; r <= style.Levels; r++)
        {
            var packed = (scod & 1) != 0 && sp.Length > 5 + r ? sp[5 + r] : 0xFF;
            style.PrecinctWidthExponents[r] = (scod & 1) != 0 ? packed & 0xF : 15;
            style.PrecinctHeightExponents[r] = (scod & 1) != 0 ? packed >> 4 : 15;
        }
        return style;
    }

    private void ParseQcd(ReadOnlySpan<byte> s, int component)
    {
        if (s.Length < 1 || Styles.Length == 0)
        {
            throw new DicomFormatException("JPEG 2000: QCD before COD or empty");
        }
        var guard = s[0] >> 5;
        var quantStyle = s[0] & 0x1F;
        int[] exponents, mantissas;
        if (quantStyle == 0)
        {
            exponents = s[1..].ToArray().Select(b => b >> 3).ToArray();
            mantissas = new int[exponents.Length];
        }
        else
        {
            var packed = ReadExpounded(s[1..]);
            exponents = packed.Select(v => v >> 11).ToArray();
            mantissas = packed.Select(v => v & 0x7FF).ToArray();
        }
        foreach (var i in component < 0 ? Enumerable.Range(0, Styles.Length) : [component])
        {
            Styles[i].GuardBits = guard;
            Styles[i].QuantizationStyle = quantStyle;
            Styles[i].Exponents = exponents;
            Styles[i].Mantissas = mantissas;
        }
    }

    private static int[] ReadExpounded(ReadOnlySpan<byte> s)
    {
        var exponents = new int[s.Length / 2];
        for (var i = 0; i < exponents.Length; i++)
        {
            exponents[i] = BinaryPrimitives.ReadUInt16BigEndian(s[(2 * i)..]);
        }
        return exponents;
    }

    private void ParseQcc(ReadOnlySpan<byte> s)
    {
        var wide = Components.Length > 256;
        var component = wide ? BinaryPrimitives.ReadUInt16BigEndian(s) : s[0];
        if (component >= Styles.Length)
        {
            throw new DicomFormatException("JPEG 2000: bad QCC");
        }
        ParseQcd(s[(wide ? 2 : 1)..], component);
    }
}
