using System.Numerics;
using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>
/// MSB-first bit reader for JPEG-LS scans (T.87 A.1): after an 0xFF byte the next byte carries only 7 bits; 0xFF
/// followed by a byte ≥ 0x80 is a marker and ends the data, after which zero bits are supplied (bounded by the caller).
/// </summary>
internal ref struct JpegLsBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private ulong _buffer;
    private int _bits;
    private int _position;
    private bool _afterFF;
    private bool _atMarker;

    public JpegLsBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the first byte not loaded yet.</summary>
    public readonly int Position => _position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }
        if (_bits < count)
        {
            Fill();
        }
        var value = (int)(_buffer >> (64 - count));
        _buffer <<= count;
        _bits -= count;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ReadBit()
    {
        if (_bits < 1)
        {
            Fill();
        }
        var bit = (long)_buffer < 0;
        _buffer <<= 1;
        _bits--;
        return bit;
    }

    /// <summary>Counts zero bits up to the next 1 bit and consumes them and the 1; throws past <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadUnary(int limit)
    {
        var zeros = BitOperations.LeadingZeroCount(_buffer); // 64 when empty
        if (zeros < _bits && zeros <= limit)
        {
            _buffer <<= zeros;
            _buffer <<= 1;
            _bits -= zeros + 1;
            return zeros;
        }
        return ReadUnarySlow(limit);
    }

    private int ReadUnarySlow(int limit)
    {
        var count = 0;
        while (true)
        {
            if (_bits < 32)
            {
                Fill();
            }
            var zeros = _buffer == 0 ? 64 : BitOperations.LeadingZeroCount(_buffer);
            if (zeros < _bits)
            {
                count += zeros;
                _buffer <<= zeros + 1;
                _bits -= zeros + 1;
                return count <= limit ? count : throw Corrupt();
            }
            count += _bits;
            _buffer = 0;
            _bits = 0;
            if (count > limit)
            {
                throw Corrupt();
            }
        }
    }

    private static DicomFormatException Corrupt() => new("JPEG-LS: corrupt entropy-coded data (unary code longer than LIMIT)");

    private void Fill()
    {
        while (_bits <= 56)
        {
            if (_atMarker || _position >= _data.Length)
            {
                _atMarker = true;
                _bits += 8;
                continue;
            }
            var b = _data[_position];
            if (b == 0xFF && _position + 1 < _data.Length && _data[_position + 1] >= 0x80)
            {
                _atMarker = true;
                continue;
            }
            if (_afterFF)
            {
                _buffer |= (ulong)(b & 0x7F) << (57 - _bits);
                _bits += 7;
            }
            else
            {
                _buffer |= (ulong)b << (56 - _bits);
                _bits += 8;
            }
            _afterFF = b == 0xFF;
            _position++;
        }
    }
}
