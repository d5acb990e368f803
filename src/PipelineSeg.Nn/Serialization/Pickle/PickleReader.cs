using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace PipelineSeg.Nn;

/// <summary>A cursor over pickle bytes; every read checks the remaining length so a truncated or hostile stream fails cleanly.</summary>
internal sealed class PickleReader(byte[] data, int start = 0)
{
    public int Position { get; private set; } = start;

    public bool AtEnd => Position >= data.Length;

    public byte Byte() => Take(1)[0];

    public ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || count > data.Length - Position)
        {
            throw new InvalidDataException($"pickle truncated: {count} byte(s) wanted at offset {Position}, {data.Length - Position} left");
        }
        var span = data.AsSpan(Position, (int)count);
        Position += (int)count;
        return span;
    }

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public double BigEndianDouble() => BinaryPrimitives.ReadDoubleBigEndian(Take(8));

    /// <summary>A newline-terminated ASCII argument (text opcodes: INT, FLOAT, GLOBAL, PERSID …), without the newline.</summary>
    public string Line()
    {
        var end = Array.IndexOf(data, (byte)'\n', Position);
        if (end < 0)
        {
            throw new InvalidDataException($"pickle truncated: no end of line after offset {Position}");
        }
        var text = Encoding.UTF8.GetString(data, Position, end - Position);
        Position = end + 1;
        return text;
    }

    public string Utf8(long count) => Encoding.UTF8.GetString(Take(count));

    /// <summary>Little-endian two's complement integer (LONG1/LONG4); a long when it fits.</summary>
    public object SignedInteger(long count)
    {
        var value = new BigInteger(Take(count), isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }
}
