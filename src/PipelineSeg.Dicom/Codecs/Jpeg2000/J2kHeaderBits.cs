namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>Packet header bit reader (T.800 B.10.1): MSB first; after an 0xFF byte the next byte carries 7 bits.</summary>
internal ref struct J2kHeaderBits
{
    private readonly ReadOnlySpan<byte> _data;
    private int _buffer;
    private int _bits;
    private bool _lastWasFF;

    public J2kHeaderBits(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        Position = position;
    }

    /// <summary>Offset of the next unread byte.</summary>
    public int Position { get; private set; }

    public int ReadBit()
    {
        if (_bits == 0)
        {
            if (Position >= _data.Length)
            {
                throw new DicomFormatException("JPEG 2000: packet header runs past the tile data");
            }
            var b = _data[Position++];
            _bits = _lastWasFF ? 7 : 8;
            _buffer = _lastWasFF ? b & 0x7F : b;
            _lastWasFF = b == 0xFF;
        }
        _bits--;
        return (_buffer >> _bits) & 1;
    }

    public int ReadBits(int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            value = (value << 1) | ReadBit();
        }
        return value;
    }

    /// <summary>Ends the header at a byte boundary; a final 0xFF is followed by a stuffed byte that belongs to it.</summary>
    public void Align()
    {
        _bits = 0;
        if (_lastWasFF)
        {
            Position++;
            _lastWasFF = false;
        }
    }
}
