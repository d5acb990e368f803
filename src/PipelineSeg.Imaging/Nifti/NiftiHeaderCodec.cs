using System.Buffers.Binary;
using System.Text;

namespace PipelineSeg.Imaging.Nifti;

/// <summary>Parses and serialises the 348-byte NIfTI-1 header (either byte order on read, little-endian on write).</summary>
internal static class NiftiHeaderCodec
{
    public const int HeaderSize = 348;

    public static NiftiHeader Parse(ReadOnlySpan<byte> b, string source)
    {
        if (b.Length < HeaderSize)
        {
            throw new InvalidDataException($"{source}: file too short for a NIfTI-1 header ({b.Length} bytes)");
        }
        var big = false;
        if (BinaryPrimitives.ReadInt32LittleEndian(b) != HeaderSize)
        {
            if (BinaryPrimitives.ReadInt32BigEndian(b) != HeaderSize)
            {
                throw new InvalidDataException($"{source}: not a NIfTI-1 file (sizeof_hdr is not 348; NIfTI-2 is not supported)");
            }
            big = true;
        }
        var magic = Encoding.ASCII.GetString(b.Slice(344, 3));
        if (magic is not ("n+1" or "ni1"))
        {
            throw new InvalidDataException($"{source}: bad NIfTI-1 magic '{magic}'");
        }
        if (magic == "ni1")
        {
            throw new InvalidDataException($"{source}: two-file NIfTI (.hdr/.img) is not supported");
        }
        var r = new Reader(b, big);
        var h = new NiftiHeader { BigEndian = big };
        for (var i = 0; i < 8; i++)
        {
            h.Dim[i] = r.I16(40 + (2 * i));
            h.PixDim[i] = r.F32(76 + (4 * i));
        }
        var code = r.I16(70);
        if (!NiftiDataTypes.IsSupported(code))
        {
            throw new InvalidDataException($"{source}: NIfTI datatype {code} is not supported (uint8, int8, int16, uint16, int32, uint32, int64, uint64, float32, float64 are)");
        }
        h.DataType = (NiftiDataType)code;
        h.VoxOffset = r.F32(108);
        h.SclSlope = r.F32(112);
        h.SclInter = r.F32(116);
        h.XyztUnits = b[123];
        h.CalMax = r.F32(124);
        h.CalMin = r.F32(128);
        h.Description = Encoding.ASCII.GetString(b.Slice(148, 80)).TrimEnd('\0');
        h.QformCode = r.I16(252);
        h.SformCode = r.I16(254);
        for (var i = 0; i < 3; i++)
        {
            h.Quatern[i] = r.F32(256 + (4 * i));
            h.QOffset[i] = r.F32(268 + (4 * i));
        }
        for (var i = 0; i < 12; i++)
        {
            h.SRow[i] = r.F32(280 + (4 * i));
        }
        return h;
    }

    public static byte[] Serialize(NiftiHeader h)
    {
        var b = new byte[HeaderSize + 4];
        var s = b.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, HeaderSize);
        b[38] = (byte)'r';
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(s[(40 + (2 * i))..], h.Dim[i]);
            BinaryPrimitives.WriteSingleLittleEndian(s[(76 + (4 * i))..], h.PixDim[i]);
        }
        BinaryPrimitives.WriteInt16LittleEndian(s[70..], (short)h.DataType);
        BinaryPrimitives.WriteInt16LittleEndian(s[72..], (short)(NiftiDataTypes.SizeOf(h.DataType) * 8));
        BinaryPrimitives.WriteSingleLittleEndian(s[108..], h.VoxOffset);
        BinaryPrimitives.WriteSingleLittleEndian(s[112..], h.SclSlope);
        BinaryPrimitives.WriteSingleLittleEndian(s[116..], h.SclInter);
        b[123] = h.XyztUnits;
        BinaryPrimitives.WriteSingleLittleEndian(s[124..], h.CalMax);
        BinaryPrimitives.WriteSingleLittleEndian(s[128..], h.CalMin);
        var descrip = Encoding.ASCII.GetBytes(h.Description);
        descrip.AsSpan(0, Math.Min(79, descrip.Length)).CopyTo(s[148..]);
        BinaryPrimitives.WriteInt16LittleEndian(s[252..], h.QformCode);
        BinaryPrimitives.WriteInt16LittleEndian(s[254..], h.SformCode);
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(256 + (4 * i))..], h.Quatern[i]);
            BinaryPrimitives.WriteSingleLittleEndian(s[(268 + (4 * i))..], h.QOffset[i]);
        }
        for (var i = 0; i < 12; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(s[(280 + (4 * i))..], h.SRow[i]);
        }
        "n+1\0"u8.CopyTo(s[344..]);
        return b; // the 4 bytes after the header are the (empty) extension flag
    }

    private readonly ref struct Reader(ReadOnlySpan<byte> bytes, bool big)
    {
        private readonly ReadOnlySpan<byte> _b = bytes;

        public short I16(int o) => big ? BinaryPrimitives.ReadInt16BigEndian(_b[o..]) : BinaryPrimitives.ReadInt16LittleEndian(_b[o..]);

        public float F32(int o) => big ? BinaryPrimitives.ReadSingleBigEndian(_b[o..]) : BinaryPrimitives.ReadSingleLittleEndian(_b[o..]);
    }
}
