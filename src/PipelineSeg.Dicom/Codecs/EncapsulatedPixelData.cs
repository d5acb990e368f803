using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs;

/// <summary>
/// Splits the value of an encapsulated Pixel Data element (Basic Offset Table item, fragment items, sequence
/// delimiter) into one byte block per frame. Every length is checked against the bytes that remain, so hostile
/// input fails fast with a <see cref="DicomFormatException"/> naming the source and offset.
/// </summary>
public static class EncapsulatedPixelData
{
    private static readonly DicomTag PixelDataTag = new(0x7FE0, 0x0010);

    /// <summary>
    /// Splits <paramref name="encapsulatedValue"/> into <paramref name="numberOfFrames"/> frames. Handles an empty or
    /// present Basic Offset Table, one fragment per frame, and frames spread over several fragments (boundaries then come
    /// from the BOT, or from JPEG/JPEG-LS SOI, JPEG 2000 SOC or RLE header markers at fragment starts).
    /// A frame made of one fragment is a slice of the input (no copy); a frame over several fragments is concatenated.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> SplitFrames(ReadOnlyMemory<byte> encapsulatedValue, int numberOfFrames,
        string transferSyntaxUid, string sourceName) =>
        SplitFrames(encapsulatedValue, numberOfFrames, transferSyntaxUid, sourceName, ReadOnlySpan<byte>.Empty);

    /// <summary>
    /// Like <see cref="SplitFrames(ReadOnlyMemory{byte}, int, string, string)"/>, using the Extended Offset Table
    /// (7FE0,0001) value (little-endian 64-bit offsets from the first fragment item) when it is not empty.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> SplitFrames(ReadOnlyMemory<byte> encapsulatedValue, int numberOfFrames,
        string transferSyntaxUid, string sourceName, ReadOnlySpan<byte> extendedOffsetTable)
    {
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        if (numberOfFrames < 1)
        {
            throw Error($"Number of Frames is {numberOfFrames}", sourceName, 0);
        }
        var items = EncapsulatedItems.Parse(encapsulatedValue.Span, sourceName);
        var fragments = items.Fragments;
        if (fragments.Count == 0)
        {
            throw Error("encapsulated Pixel Data has no fragments", sourceName, items.FirstFragmentOffset);
        }
        if (numberOfFrames == 1)
        {
            return [Join(encapsulatedValue, fragments, 0, fragments.Count)];
        }
        var starts = extendedOffsetTable.Length >= 8
            ? FrameStartsFromTable(extendedOffsetTable, 8, fragments, numberOfFrames, sourceName)
            : items.BasicOffsetTable.Length > 0
                ? FrameStartsFromTable(encapsulatedValue.Span.Slice(items.BasicOffsetTable.Offset, items.BasicOffsetTable.Length), 4, fragments, numberOfFrames, sourceName)
                : null;
        starts ??= fragments.Count == numberOfFrames
            ? Enumerable.Range(0, numberOfFrames).ToArray()
            : FrameStartsFromMarkers(encapsulatedValue.Span, fragments, numberOfFrames, transferSyntaxUid, sourceName);

        var frames = new ReadOnlyMemory<byte>[numberOfFrames];
        for (var f = 0; f < numberOfFrames; f++)
        {
            var end = f + 1 < numberOfFrames ? starts[f + 1] : fragments.Count;
            frames[f] = Join(encapsulatedValue, fragments, starts[f], end - starts[f]);
        }
        return frames;
    }

    /// <summary>Maps offset-table entries (relative to the first fragment item tag) to fragment indices; null if inconsistent.</summary>
    private static int[]? FrameStartsFromTable(ReadOnlySpan<byte> table, int entrySize, List<Fragment> fragments, int frames, string sourceName)
    {
        if (table.Length % entrySize != 0)
        {
            throw Error($"offset table length {table.Length} is not a multiple of {entrySize}", sourceName, 0);
        }
        if (table.Length / entrySize != frames)
        {
            return null; // wrong count: real exports do this; fall back to markers
        }
        var starts = new int[frames];
        var fragment = 0;
        for (var f = 0; f < frames; f++)
        {
            var offset = entrySize == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(table[(f * 4)..]) : BinaryPrimitives.ReadUInt64LittleEndian(table[(f * 8)..]);
            while (fragment < fragments.Count && (ulong)fragments[fragment].ItemOffset < offset)
            {
                fragment++;
            }
            if (fragment >= fragments.Count || (ulong)fragments[fragment].ItemOffset != offset || (f > 0 && fragment <= starts[f - 1]))
            {
                return null;
            }
            starts[f] = fragment;
        }
        return starts[0] == 0 ? starts : null;
    }

    private static int[] FrameStartsFromMarkers(ReadOnlySpan<byte> value, List<Fragment> fragments, int frames, string uid, string sourceName)
    {
        if (fragments.Count < frames)
        {
            throw Error($"{fragments.Count} fragments for {frames} frames and no usable offset table", sourceName, 0);
        }
        var starts = new List<int>(frames);
        for (var i = 0; i < fragments.Count; i++)
        {
            if (i == 0 || FrameStartMarker.IsFrameStart(value.Slice(fragments[i].DataOffset, fragments[i].Length), uid))
            {
                starts.Add(i);
            }
        }
        if (starts.Count != frames)
        {
            throw Error($"found {starts.Count} frame starts in {fragments.Count} fragments but Number of Frames is {frames} (empty Basic Offset Table)",
                sourceName, fragments[0].ItemOffset);
        }
        return [.. starts];
    }

    private static ReadOnlyMemory<byte> Join(ReadOnlyMemory<byte> value, List<Fragment> fragments, int first, int count)
    {
        if (count == 1)
        {
            return value.Slice(fragments[first].DataOffset, fragments[first].Length);
        }
        var total = 0;
        for (var i = first; i < first + count; i++)
        {
            total += fragments[i].Length;
        }
        var joined = new byte[total];
        var at = 0;
        for (var i = first; i < first + count; i++)
        {
            value.Span.Slice(fragments[i].DataOffset, fragments[i].Length).CopyTo(joined.AsSpan(at));
            at += fragments[i].Length;
        }
        return joined;
    }

    internal static DicomFormatException Error(string reason, string sourceName, long offset) =>
        new($"encapsulated Pixel Data: {reason}", sourceName, PixelDataTag, offset);
}
