namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>
/// A JPEG Huffman table (T.81 Annex C) with a 9-bit lookup for short codes and the canonical max-code walk for
/// the rest. Built once per DHT segment; decoding allocates nothing.
/// </summary>
internal sealed class HuffmanTable
{
    /// <summary>Codes up to this many bits are resolved by one table lookup.</summary>
    public const int LookupBits = 9;

    // Entry = (code length << 8) | symbol; 0 = code longer than LookupBits.
    private readonly ushort[] _lookup = new ushort[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valueOffset = new int[17];
    private readonly byte[] _values;

    /// <summary>Builds the table from the 16 code-length counts (BITS) and the symbols (HUFFVAL).</summary>
    public HuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols)
    {
        if (counts.Length != 16)
        {
            throw new ArgumentException("16 code-length counts expected", nameof(counts));
        }
        _values = symbols.ToArray();
        var code = 0;
        var k = 0;
        for (var length = 1; length <= 16; length++)
        {
            var n = counts[length - 1];
            _valueOffset[length] = k - code;
            if (code + n > (1 << length) || k + n > _values.Length)
            {
                throw new DicomFormatException($"JPEG Huffman table is over-subscribed or short of symbols at code length {length}");
            }
            if (n > 0)
            {
                if (length <= LookupBits)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var first = (code + i) << (LookupBits - length);
                        var entry = (ushort)((length << 8) | _values[k + i]);
                        _lookup.AsSpan(first, 1 << (LookupBits - length)).Fill(entry);
                    }
                }
                code += n;
                k += n;
                _maxCode[length] = code - 1;
            }
            else
            {
                _maxCode[length] = -1;
            }
            code <<= 1;
        }
        _maxCode[17] = int.MaxValue; // sentinel
    }

    /// <summary>The 9-bit lookup: (length &lt;&lt; 8) | symbol, or 0 when the code is longer.</summary>
    public ReadOnlySpan<ushort> Lookup => _lookup;

    /// <summary>Resolves a code longer than <see cref="LookupBits"/> from the top 16 bits of the stream; length 0 = invalid.</summary>
    public (int Length, int Symbol) DecodeLong(int top16Bits)
    {
        for (var length = LookupBits + 1; length <= 16; length++)
        {
            var code = top16Bits >> (16 - length);
            if (code <= _maxCode[length])
            {
                var index = code + _valueOffset[length];
                return (uint)index < (uint)_values.Length ? (length, _values[index]) : (0, 0);
            }
        }
        return (0, 0);
    }
}
