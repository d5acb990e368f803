using System.Buffers.Binary;

namespace PipelineSeg.Dicom;

internal sealed partial class DicomDatasetParser
{
    private IReadOnlyList<DicomDataset> ParseSequence(DicomDataset parent, DicomTag tag, int pos, int end,
        bool undefinedLength, int depth, bool explicitVR, bool bigEndian, out int after, int outerEnd = -1)
    {
        if (depth + 1 > _settings.MaxDepth)
        {
            throw Error($"sequences nested deeper than {_settings.MaxDepth} levels", tag, pos);
        }
        var span = _buffer.Span;
        var items = new List<DicomDataset>();
        while (true)
        {
            if (pos >= end)
            {
                if (undefinedLength)
                {
                    RequireMore(end, tag);
                    throw Error("sequence of undefined length has no Sequence Delimitation Item", tag, pos);
                }
                after = pos;
                return items;
            }
            Require(pos, 8, end, tag, topLevel: end == _buffer.Length);
            var itemTag = ReadTag(span, pos, bigEndian);
            var itemLength = ReadUInt32(span, pos + 4, bigEndian);
            if (itemTag == SequenceDelimiter)
            {
                if (!undefinedLength)
                {
                    _warnings.Add($"sequence delimiter inside defined-length sequence {tag} ignored");
                }
                after = pos + 8;
                return items;
            }
            if (itemTag != ItemTag && undefinedLength && itemTag.Group != 0xFFFE && items.Count > 0)
            {
                // A vendor wrote the sequence without its delimiter (fo-dicom GH626): end it here and let the
                // enclosing dataset read this element.
                _warnings.Add($"sequence {tag} has no Sequence Delimitation Item; ended at offset {Offset(pos)}");
                after = pos;
                return items;
            }
            if (itemTag != ItemTag)
            {
                throw Error($"expected an item tag (FFFE,E000) in sequence but found {itemTag}", tag, pos);
            }
            if (++_elementCount > _settings.MaxElements)
            {
                throw Error($"more than {_settings.MaxElements} elements", tag, pos);
            }
            var item = new DicomDataset(bigEndian, parent);
            var itemStart = pos + 8;
            if (itemLength == 0xFFFFFFFF)
            {
                // An undefined-length item may run past a defined-length sequence whose length was written too short
                // (fo-dicom GH626); let it use the enclosing container and end the sequence where the item ends.
                var limit = !undefinedLength && outerEnd > end ? outerEnd : end;
                pos = ParseItems(item, itemStart, limit, undefinedLength: true, depth + 1, explicitVR, bigEndian, topLevel: false);
                if (pos > end)
                {
                    _warnings.Add($"sequence {tag} is {pos - end} byte(s) longer than its declared length");
                    items.Add(item);
                    after = pos;
                    return items;
                }
            }
            else
            {
                Require(itemStart, itemLength, end, tag, topLevel: end == _buffer.Length);
                var itemEnd = itemStart + (int)itemLength;
                ParseItems(item, itemStart, itemEnd, undefinedLength: false, depth + 1, explicitVR, bigEndian, topLevel: false);
                pos = itemEnd;
            }
            items.Add(item);
        }
    }

    /// <summary>
    /// Walks the items of encapsulated Pixel Data by their lengths (never by searching for the delimiter bytes, which
    /// may occur inside a fragment); returns the position after the Sequence Delimitation Item.
    /// </summary>
    private int ScanEncapsulated(DicomTag tag, int pos, int end, bool topLevel)
    {
        var span = _buffer.Span;
        while (true)
        {
            if (pos == end)
            {
                RequireMore(end, tag);
                _warnings.Add($"encapsulated {tag} ends without a Sequence Delimitation Item (file truncated?)");
                return pos;
            }
            Require(pos, 8, end, tag, topLevel);
            var itemTag = ReadTag(span, pos, bigEndian: false);
            var length = ReadUInt32(span, pos + 4, bigEndian: false);
            if (itemTag == SequenceDelimiter)
            {
                return pos + 8;
            }
            if (itemTag != ItemTag)
            {
                throw Error($"expected a fragment item (FFFE,E000) in encapsulated pixel data but found {itemTag}", tag, pos);
            }
            if (length == 0xFFFFFFFF)
            {
                throw Error("encapsulated pixel data fragment has undefined length", tag, pos);
            }
            Require(pos + 8, length, end, tag, topLevel);
            pos += 8 + (int)length;
        }
    }

    private void Require(int pos, long count, int end, DicomTag? tag, bool topLevel)
    {
        if (pos + count <= end)
        {
            return;
        }
        if (topLevel || end == _buffer.Length)
        {
            RequireMore(pos + count, tag);
        }
        throw Error(count > 8
            ? $"value length {count} exceeds the {Math.Max(0, end - pos)} bytes remaining"
            : $"truncated: {count} bytes needed but {Math.Max(0, end - pos)} remain", tag, pos);
    }

    /// <summary>In a prefix read, running off the end means "read more", not "malformed".</summary>
    private void RequireMore(long needed, DicomTag? tag)
    {
        if (_settings.BufferIsPrefix)
        {
            throw new DicomNeedMoreDataException(needed);
        }
        _ = tag;
    }

    private DicomFormatException Error(string reason, DicomTag? tag, long pos) =>
        new(reason, _settings.SourceName, tag, Offset(pos));

    private long Offset(long pos) => _settings.BaseOffset + pos;

    private static bool IsPadding(ReadOnlySpan<byte> rest) => !rest.ContainsAnyExcept((byte)0);

    private static DicomTag ReadTag(ReadOnlySpan<byte> span, int pos, bool bigEndian) =>
        new(ReadUInt16(span, pos, bigEndian), ReadUInt16(span, pos + 2, bigEndian));

    private static ushort ReadUInt16(ReadOnlySpan<byte> span, int pos, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(span[pos..]) : BinaryPrimitives.ReadUInt16LittleEndian(span[pos..]);

    private static uint ReadUInt32(ReadOnlySpan<byte> span, int pos, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(span[pos..]) : BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]);
}
