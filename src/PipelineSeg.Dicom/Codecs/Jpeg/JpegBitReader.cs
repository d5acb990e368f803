using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>
/// MSB-first bit reader over JPEG entropy-coded data: removes 0xFF00 stuffing and stops at the next marker, after
/// which it supplies zero bits (so corrupt data ends in bounded time: every decode step consumes bits and the caller
/// bounds the number of steps by the frame size).
/// </summary>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private ulong _buffer; // next bits, left-aligned
    private int _bits;
    private int _position;
    private bool _atMarker;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the first byte not yet loaded (at the marker that ended the entropy data, once reached).</summary>
    public readonly int Position => _position;

    /// <summary>True once a marker (or the end of data) has been reached.</summary>
    public readonly bool AtMarker => _atMarker;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureBits(int count)
    {
        if (_bits < count)
        {
            Fill();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int PeekBits(int count) => (int)(_buffer >> (64 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipBits(int count)
    {
        _buffer <<= count;
        _bits -= count;
    }

    /// <summary>Reads 0..16 bits as an unsigned value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }
        EnsureBits(count);
        var value = PeekBits(count);
        SkipBits(count);
        return value;
    }

    /// <summary>Reads one bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBit()
    {
        EnsureBits(1);
        var value = (int)(_buffer >> 63);
        SkipBits(1);
        return value;
    }

    /// <summary>Decodes one Huffman symbol; throws on a code that is not in the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeHuffman(HuffmanTable table)
    {
        EnsureBits(16);
        var entry = table.Lookup[PeekBits(HuffmanTable.LookupBits)];
        if (entry != 0)
        {
            SkipBits(entry >> 8);
            return entry & 0xFF;
        }
        return DecodeHuffmanLong(table);
    }

    /// <summary>
    /// A Huffman-coded category followed by its magnitude bits (DC and lossless differences), with one refill:
    /// 16 code bits + 16 magnitude bits fit the 57+ bits a refill guarantees. Category 16 is the lossless 32768.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeDifference(HuffmanTable table)
    {
        EnsureBits(32);
        int category;
        var entry = table.Lookup[PeekBits(HuffmanTable.LookupBits)];
        if (entry != 0)
        {
            SkipBits(entry >> 8);
            category = entry & 0xFF;
        }
        else
        {
            category = DecodeHuffmanLong(table);
        }
        if (category == 0)
        {
            return 0;
        }
        if (category >= 16)
        {
            return category == 16 ? 32768 : throw new DicomFormatException($"JPEG: difference category {category} > 16");
        }
        var value = PeekBits(category);
        SkipBits(category);
        return value < (1 << (category - 1)) ? value - (1 << category) + 1 : value;
    }

    /// <summary>T.81 EXTEND: reads <paramref name="category"/> bits and maps them to a signed difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReceiveExtend(int category)
    {
        if (category == 0)
        {
            return 0;
        }
        var value = ReadBits(category);
        return value < (1 << (category - 1)) ? value - (1 << category) + 1 : value;
    }

    /// <summary>At a restart boundary: drops the padding bits, expects RSTn (tolerating its absence) and resets.</summary>
    public void Restart()
    {
        _buffer = 0;
        _bits = 0;
        _atMarker = false;
        // Skip fill bytes, then the RST marker if it is there (some encoders omit or misplace them).
        var p = _position;
        while (p + 1 < _data.Length && _data[p] == 0xFF && _data[p + 1] == 0xFF)
        {
            p++;
        }
        if (p + 1 < _data.Length && _data[p] == 0xFF && JpegMarkers.IsRestart(_data[p + 1]))
        {
            _position = p + 2;
        }
    }

    private int DecodeHuffmanLong(HuffmanTable table)
    {
        var (length, symbol) = table.DecodeLong(PeekBits(16));
        if (length == 0)
        {
            throw new DicomFormatException($"JPEG: invalid Huffman code in entropy-coded data near offset {_position}");
        }
        SkipBits(length);
        return symbol;
    }

    private void Fill()
    {
        while (_bits <= 56)
        {
            if (_atMarker || _position >= _data.Length)
            {
                _atMarker = true;
                _bits += 8; // zero bits past the end of the entropy-coded segment
                continue;
            }
            var b = _data[_position];
            if (b == 0xFF)
            {
                var next = _position + 1 < _data.Length ? _data[_position + 1] : (byte)0xD9;
                if (next != 0)
                {
                    _atMarker = true;
                    continue;
                }
                _position += 2;
            }
            else
            {
                _position++;
            }
            _buffer |= (ulong)b << (56 - _bits);
            _bits += 8;
        }
    }
}
