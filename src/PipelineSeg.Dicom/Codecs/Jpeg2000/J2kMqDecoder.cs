namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>The MQ arithmetic decoder of JPEG 2000 tier-1 (ITU T.800 Annex C), 19 adaptive contexts.</summary>
internal sealed class J2kMqDecoder
{
    // Qe, NMPS, NLPS, SWITCH per state (Table C.2).
    private static readonly (ushort Qe, byte Nmps, byte Nlps, byte Switch)[] States =
    [
        (0x5601, 1, 1, 1), (0x3401, 2, 6, 0), (0x1801, 3, 9, 0), (0x0AC1, 4, 12, 0), (0x0521, 5, 29, 0), (0x0221, 38, 33, 0),
        (0x5601, 7, 6, 1), (0x5401, 8, 14, 0), (0x4801, 9, 14, 0), (0x3801, 10, 14, 0), (0x3001, 11, 17, 0), (0x2401, 12, 18, 0),
        (0x1C01, 13, 20, 0), (0x1601, 29, 21, 0), (0x5601, 15, 14, 1), (0x5401, 16, 14, 0), (0x5101, 17, 15, 0), (0x4801, 18, 16, 0),
        (0x3801, 19, 17, 0), (0x3401, 20, 18, 0), (0x3001, 21, 19, 0), (0x2801, 22, 19, 0), (0x2401, 23, 20, 0), (0x2201, 24, 21, 0),
        (0x1C01, 25, 22, 0), (0x1801, 26, 23, 0), (0x1601, 27, 24, 0), (0x1401, 28, 25, 0), (0x1201, 29, 26, 0), (0x1101, 30, 27, 0),
        (0x0AC1, 31, 28, 0), (0x09C1, 32, 29, 0), (0x08A1, 33, 30, 0), (0x0521, 34, 31, 0), (0x0441, 35, 32, 0), (0x02A1, 36, 33, 0),
        (0x0221, 37, 34, 0), (0x0141, 38, 35, 0), (0x0111, 39, 36, 0), (0x0085, 40, 37, 0), (0x0049, 41, 38, 0), (0x0025, 42, 39, 0),
        (0x0015, 43, 40, 0), (0x0009, 44, 41, 0), (0x0005, 45, 42, 0), (0x0001, 45, 43, 0), (0x5601, 46, 46, 0),
    ];

    private readonly byte[] _state = new byte[19];
    private readonly byte[] _mps = new byte[19];
    private byte[] _data = [];
    private int _end;
    private int _position;
    private uint _c;
    private uint _a;
    private int _ct;

    /// <summary>Resets the contexts to their initial states (T.800 Table D.7) and starts decoding data[start..end).</summary>
    public void Start(byte[] data, int start, int end)
    {
        Array.Clear(_state);
        Array.Clear(_mps);
        _state[J2kContexts.Uniform] = 46;
        _state[J2kContexts.RunLength] = 3;
        _state[0] = 4;
        _data = data;
        _end = end;
        _position = start;
        // INITDEC (C.3.5)
        _c = (uint)(Byte(_position) << 16);
        ByteIn();
        _c <<= 7;
        _ct -= 7;
        _a = 0x8000;
    }

    /// <summary>Decodes one binary decision in context <paramref name="cx"/>.</summary>
    public int Decode(int cx)
    {
        var (qe, nmps, nlps, swap) = States[_state[cx]];
        int d;
        _a -= qe;
        if ((_c >> 16) < qe)
        {
            // LPS exchange
            if (_a < qe)
            {
                d = _mps[cx];
                _state[cx] = nmps;
            }
            else
            {
                d = 1 - _mps[cx];
                if (swap == 1)
                {
                    _mps[cx] = (byte)(1 - _mps[cx]);
                }
                _state[cx] = nlps;
            }
            _a = qe;
            Renormalize();
            return d;
        }
        _c -= (uint)qe << 16;
        if ((_a & 0x8000) != 0)
        {
            return _mps[cx];
        }
        // MPS exchange
        if (_a < qe)
        {
            d = 1 - _mps[cx];
            if (swap == 1)
            {
                _mps[cx] = (byte)(1 - _mps[cx]);
            }
            _state[cx] = nlps;
        }
        else
        {
            d = _mps[cx];
            _state[cx] = nmps;
        }
        Renormalize();
        return d;
    }

    private void Renormalize()
    {
        do
        {
            if (_ct == 0)
            {
                ByteIn();
            }
            _a <<= 1;
            _c <<= 1;
            _ct--;
        }
        while ((_a & 0x8000) == 0);
    }

    /// <summary>Past the end of the segment the decoder reads 0xFF (T.800 C.3.4, as OpenJPEG does).</summary>
    private int Byte(int position) => position < _end ? _data[position] : 0xFF;

    private void ByteIn()
    {
        if (Byte(_position) == 0xFF)
        {
            var next = Byte(_position + 1);
            if (next > 0x8F)
            {
                _c += 0xFF00;
                _ct = 8;
            }
            else
            {
                _position++;
                _c += (uint)(next << 9);
                _ct = 7;
            }
        }
        else
        {
            _position++;
            _c += (uint)(Byte(_position) << 8);
            _ct = 8;
        }
    }
}
