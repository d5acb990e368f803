using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>Builds encapsulated Pixel Data values (items + delimiter) byte by byte for unit tests.</summary>
internal sealed class EncapsulatedBuilder
{
    private readonly List<byte> _bytes = [];

    public EncapsulatedBuilder Item(params byte[] value) => Raw(0xFFFE, 0xE000, (uint)value.Length, value);

    public EncapsulatedBuilder Offsets(params uint[] offsets)
    {
        var value = new byte[offsets.Length * 4];
        for (var i = 0; i < offsets.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(value.AsSpan(i * 4), offsets[i]);
        }
        return Item(value);
    }

    public EncapsulatedBuilder Delimiter() => Raw(0xFFFE, 0xE0DD, 0, []);

    public EncapsulatedBuilder Raw(ushort group, ushort element, uint length, byte[] value)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        _bytes.AddRange(header.ToArray());
        _bytes.AddRange(value);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
