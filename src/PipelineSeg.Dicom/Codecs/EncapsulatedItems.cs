using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs;

/// <summary>The items of an encapsulated Pixel Data value: the Basic Offset Table and the fragments.</summary>
/// <param name="BasicOffsetTable">Offset and length of the BOT bytes in the value (length 0 when empty).</param>
/// <param name="FirstFragmentOffset">Offset of the first fragment's item tag: BOT/EOT offsets are relative to it.</param>
/// <param name="Fragments">The fragments, offsets relative to the start of the value.</param>
internal sealed record EncapsulatedItems((int Offset, int Length) BasicOffsetTable, int FirstFragmentOffset, List<Fragment> Fragments)
{
    private const uint ItemTag = 0xFFFEE000;
    private const uint SequenceDelimiterTag = 0xFFFEE0DD;

    /// <summary>Walks the items; stops at the sequence delimiter or at the end of the value (delimiter missing).</summary>
    public static EncapsulatedItems Parse(ReadOnlySpan<byte> value, string sourceName)
    {
        var position = 0;
        var bot = (Offset: 0, Length: 0);
        var fragments = new List<Fragment>();
        var first = true;
        var firstFragment = -1;
        while (position + 8 <= value.Length)
        {
            var tag = ((uint)BinaryPrimitives.ReadUInt16LittleEndian(value[position..]) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(value[(position + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(value[(position + 4)..]);
            if (tag == SequenceDelimiterTag)
            {
                break;
            }
            if (tag != ItemTag)
            {
                throw EncapsulatedPixelData.Error($"expected an item tag (FFFE,E000), found ({tag >> 16:X4},{tag & 0xFFFF:X4})", sourceName, position);
            }
            if (length > (uint)(value.Length - position - 8))
            {
                throw EncapsulatedPixelData.Error($"item length {length} exceeds the {value.Length - position - 8} bytes that remain", sourceName, position);
            }
            if (first)
            {
                if (length % 4 != 0)
                {
                    throw EncapsulatedPixelData.Error($"Basic Offset Table length {length} is not a multiple of 4", sourceName, position);
                }
                bot = (position + 8, (int)length);
                first = false;
            }
            else
            {
                if (length % 2 != 0)
                {
                    throw EncapsulatedPixelData.Error($"fragment has odd length {length}", sourceName, position);
                }
                if (firstFragment < 0)
                {
                    firstFragment = position;
                }
                fragments.Add(new Fragment(position - firstFragment, position + 8, (int)length));
            }
            position += 8 + (int)length;
        }
        if (first)
        {
            throw EncapsulatedPixelData.Error("no Basic Offset Table item", sourceName, 0);
        }
        return new EncapsulatedItems(bot, Math.Max(firstFragment, 0), fragments);
    }
}
