using System.Buffers.Binary;

namespace PipelineSeg.Dicom;

/// <summary>
/// Parses a dataset from a buffer into <see cref="DicomDataset"/>s whose values are slices of that buffer. Every length
/// is checked against the bytes that remain, nesting is depth-limited and every element consumes at least 8 bytes, so
/// hostile input ends in a <see cref="DicomFormatException"/> in time linear in its size.
/// </summary>
internal sealed partial class DicomDatasetParser
{
    private static readonly DicomTag ItemTag = new(0xFFFE, 0xE000);
    private static readonly DicomTag ItemDelimiter = new(0xFFFE, 0xE00D);
    private static readonly DicomTag SequenceDelimiter = new(0xFFFE, 0xE0DD);

    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly DicomParserSettings _settings;
    private readonly List<string> _warnings;
    private int _elementCount;

    public DicomDatasetParser(ReadOnlyMemory<byte> buffer, DicomParserSettings settings, List<string> warnings)
    {
        _buffer = buffer;
        _settings = settings;
        _warnings = warnings;
    }

    /// <summary>True when the top-level parse ended at the stop predicate.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Where the top-level parse ended.</summary>
    public int Position { get; private set; }

    /// <summary>Parses the top-level dataset from <paramref name="start"/> to the end of the buffer.</summary>
    public DicomDataset ParseTopLevel(int start)
    {
        var dataset = new DicomDataset(_settings.BigEndian, null);
        Position = ParseItems(dataset, start, _buffer.Length, undefinedLength: false, depth: 0,
            _settings.ExplicitVR, _settings.BigEndian, topLevel: true);
        return dataset;
    }

    /// <summary>Parses elements into <paramref name="dataset"/>; returns the position after the last one consumed.</summary>
    private int ParseItems(DicomDataset dataset, int pos, int end, bool undefinedLength, int depth, bool explicitVR,
        bool bigEndian, bool topLevel)
    {
        var span = _buffer.Span;
        while (pos < end)
        {
            if (topLevel && end - pos < 8 && IsPadding(span[pos..end]))
            {
                _warnings.Add($"{end - pos} trailing byte(s) after the last element ignored");
                return end;
            }
            Require(pos, 8, end, null, topLevel);
            var tag = ReadTag(span, pos, bigEndian);
            if (tag.Group == 0xFFFE)
            {
                if (tag == ItemDelimiter && undefinedLength)
                {
                    return pos + 8;
                }
                throw Error($"unexpected {(tag == ItemTag ? "item" : "delimiter")} tag outside a sequence", tag, pos);
            }
            if (topLevel && _settings.StopAt is { } stop && stop(tag))
            {
                Stopped = true;
                return pos;
            }
            if (++_elementCount > _settings.MaxElements)
            {
                throw Error($"more than {_settings.MaxElements} elements", tag, pos);
            }
            pos = ParseElement(dataset, tag, pos, end, depth, explicitVR, bigEndian, topLevel);
        }
        if (undefinedLength)
        {
            if (end == _buffer.Length)
            {
                RequireMore(end + 8L, null);
            }
            throw Error("item of undefined length has no Item Delimitation Item before the end of its container", null, end);
        }
        return pos;
    }

    private int ParseElement(DicomDataset dataset, DicomTag tag, int pos, int end, int depth, bool explicitVR,
        bool bigEndian, bool topLevel)
    {
        var span = _buffer.Span;
        DicomVR vr;
        uint length;
        int header;
        if (explicitVR && DicomVRInfo.TryParse(span[pos + 4], span[pos + 5], out vr))
        {
            if (DicomVRInfo.HasLongLength(vr))
            {
                Require(pos, 12, end, tag, topLevel);
                length = ReadUInt32(span, pos + 8, bigEndian);
                header = 12;
            }
            else
            {
                length = ReadUInt16(span, pos + 6, bigEndian);
                header = 8;
            }
        }
        else
        {
            // Implicit VR, or an explicit VR file whose element carries no valid VR (seen in vendor exports):
            // fall back to the dictionary and the implicit layout.
            vr = DicomDictionary.LookupVR(tag);
            length = ReadUInt32(span, pos + 4, bigEndian);
            header = 8;
            if (explicitVR)
            {
                _warnings.Add($"element {tag} at offset {Offset(pos)} has no valid explicit VR; read as implicit VR");
            }
            else if (LooksExplicitInImplicit(span, pos, length, end, out var evr))
            {
                // Vendors write private sequences in explicit VR inside implicit datasets (fo-dicom GH626); only
                // switch when the implicit reading cannot be right (its length overruns the container).
                return ParseElement(dataset, tag, pos, end, depth, explicitVR: true, bigEndian, topLevel, evr);
            }
        }
        return ParseValue(dataset, tag, vr, pos + header, length, end, depth, explicitVR, bigEndian, topLevel);
    }

    private int ParseElement(DicomDataset dataset, DicomTag tag, int pos, int end, int depth, bool explicitVR,
        bool bigEndian, bool topLevel, DicomVR vr)
    {
        _warnings.Add($"element {tag} at offset {Offset(pos)} is explicit VR inside an implicit VR dataset");
        var span = _buffer.Span;
        if (DicomVRInfo.HasLongLength(vr))
        {
            Require(pos, 12, end, tag, topLevel);
            return ParseValue(dataset, tag, vr, pos + 12, ReadUInt32(span, pos + 8, bigEndian), end, depth, explicitVR, bigEndian, topLevel);
        }
        return ParseValue(dataset, tag, vr, pos + 8, ReadUInt16(span, pos + 6, bigEndian), end, depth, explicitVR, bigEndian, topLevel);
    }

    private int ParseValue(DicomDataset dataset, DicomTag tag, DicomVR vr, int valuePos, uint length, int end, int depth,
        bool explicitVR, bool bigEndian, bool topLevel)
    {
        if (length == 0xFFFFFFFF)
        {
            return ParseUndefinedLength(dataset, tag, vr, valuePos, end, depth, explicitVR, bigEndian, topLevel);
        }
        Require(valuePos, length, end, tag, topLevel);
        var valueEnd = valuePos + (int)length;
        if (vr == DicomVR.SQ)
        {
            var items = ParseSequence(dataset, tag, valuePos, valueEnd, undefinedLength: false, depth, explicitVR, bigEndian,
                out var after, outerEnd: end);
            dataset.AddParsed(new DicomElement(tag, items, Offset(valuePos)));
            return Math.Max(valueEnd, after);
        }
        if (vr == DicomVR.UN && !explicitVR && length >= 8 && ReadTag(_buffer.Span, valuePos, bigEndian) == ItemTag
            && TryParsePrivateSequence(dataset, tag, valuePos, valueEnd, end, depth, bigEndian) is { } afterSequence)
        {
            return afterSequence;
        }
        dataset.AddParsed(new DicomElement(tag, vr, _buffer.Slice(valuePos, (int)length), Offset(valuePos)));
        return valueEnd;
    }

    /// <summary>An unknown implicit-VR element whose value starts with an item tag is a private sequence; null when it does not parse as one.</summary>
    private int? TryParsePrivateSequence(DicomDataset dataset, DicomTag tag, int valuePos, int valueEnd, int end, int depth, bool bigEndian)
    {
        var warnings = _warnings.Count;
        var elements = _elementCount;
        // The content may be explicit VR although the dataset is implicit: decide from the first element of the first item.
        var first = valuePos + 8;
        var contentIsExplicit = first + 8 <= valueEnd
            && LooksExplicitInImplicit(_buffer.Span, first, ReadUInt32(_buffer.Span, first + 4, bigEndian), valueEnd, out _);
        try
        {
            var items = ParseSequence(dataset, tag, valuePos, valueEnd, undefinedLength: false, depth, contentIsExplicit, bigEndian,
                out var after, outerEnd: end);
            if (contentIsExplicit)
            {
                _warnings.Add($"private sequence {tag} at offset {Offset(valuePos)} is explicit VR inside an implicit VR dataset");
            }
            dataset.AddParsed(new DicomElement(tag, items, Offset(valuePos)));
            return Math.Max(valueEnd, after);
        }
        catch (DicomFormatException)
        {
            _warnings.RemoveRange(warnings, _warnings.Count - warnings);
            _elementCount = elements;
            return null;
        }
    }

    private bool LooksExplicitInImplicit(ReadOnlySpan<byte> span, int pos, uint implicitLength, int end, out DicomVR vr)
    {
        vr = DicomVR.None;
        if (implicitLength == 0xFFFFFFFF || pos + 8L + implicitLength <= end || (_settings.BufferIsPrefix && end == _buffer.Length))
        {
            return false;
        }
        if (!DicomVRInfo.TryParse(span[pos + 4], span[pos + 5], out vr))
        {
            return false;
        }
        var explicitLength = DicomVRInfo.HasLongLength(vr)
            ? (pos + 12 <= end ? ReadUInt32(span, pos + 8, false) : uint.MaxValue)
            : ReadUInt16(span, pos + 6, false);
        return explicitLength == 0xFFFFFFFF || pos + 12L + explicitLength <= end;
    }

    private int ParseUndefinedLength(DicomDataset dataset, DicomTag tag, DicomVR vr, int valuePos, int end, int depth,
        bool explicitVR, bool bigEndian, bool topLevel)
    {
        if (tag == DicomTags.PixelData || vr is DicomVR.OB or DicomVR.OW)
        {
            var valueEnd = ScanEncapsulated(tag, valuePos, end, topLevel);
            dataset.AddParsed(new DicomElement(tag, vr, _buffer[valuePos..valueEnd], Offset(valuePos), isEncapsulated: true));
            return valueEnd;
        }
        if (vr is DicomVR.SQ or DicomVR.UN || !explicitVR)
        {
            // CP-246: UN of undefined length is a sequence encoded as Implicit VR Little Endian.
            var asUn = vr == DicomVR.UN && explicitVR;
            var items = ParseSequence(dataset, tag, valuePos, end, undefinedLength: true, depth,
                asUn ? false : explicitVR, asUn ? false : bigEndian, out var after);
            dataset.AddParsed(new DicomElement(tag, items, Offset(valuePos)));
            return after;
        }
        throw Error($"undefined length is not allowed for VR {DicomVRInfo.Code(vr)}", tag, valuePos);
    }

    private IReadOnlyList<DicomDataset> ParseSequence(DicomDataset parent, DicomTag tag, int pos, int end,
        bool undefinedLength, int depth, bool explicitVR, bool bigEndian) =>
        ParseSequence(parent, tag, pos, end, undefinedLength, depth, explicitVR, bigEndian, out _);
}
