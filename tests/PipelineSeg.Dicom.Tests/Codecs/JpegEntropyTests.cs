using PipelineSeg.Dicom.Codecs.Jpeg;
using PipelineSeg.Dicom.Codecs.JpegLs;

namespace PipelineSeg.Dicom.Tests.Codecs;

/// <summary>Byte-level tests of the Huffman tables and the JPEG / JPEG-LS bit readers.</summary>
public sealed class JpegEntropyTests
{
    // T.81 Table K.3: luminance DC code lengths; symbol 11 has the 9-bit code 111111110.
    private static readonly byte[] DcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    private static int DecodeSymbol(HuffmanTable table, params byte[] bytes)
    {
        var reader = new JpegBitReader(bytes, 0);
        return reader.DecodeHuffman(table);
    }

    [SkippableTheory]
    [InlineData(new byte[] { 0b00_000000 }, 0)]
    [InlineData(new byte[] { 0b010_00000 }, 1)]
    [InlineData(new byte[] { 0b110_00000 }, 5)]
    [InlineData(new byte[] { 0b1110_0000 }, 6)]
    [InlineData(new byte[] { 0b11111110, 0b0000_0000 }, 10)]
    [InlineData(new byte[] { 0b11111111, 0x00, 0b0000_0000 }, 11)] // 0xFF stuffed: code 111111110
    public void Standard_DC_table_decodes_canonical_codes(byte[] bytes, int symbol)
    {
        var table = new HuffmanTable(DcCounts, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        Assert.Equal(symbol, DecodeSymbol(table, bytes));
    }

    [SkippableFact]
    public void Codes_up_to_16_bits_use_the_slow_path()
    {
        // One code per length 1..16: 0, 10, 110, ..., 1111111111111110.
        var counts = Enumerable.Repeat((byte)1, 16).ToArray();
        var table = new HuffmanTable(counts, Enumerable.Range(100, 16).Select(i => (byte)i).ToArray());
        Assert.Equal(100 + 15, DecodeSymbol(table, 0xFF, 0x00, 0xFE));
        Assert.Equal(100 + 11, DecodeSymbol(table, 0xFF, 0x00, 0xE0));
        Assert.Throws<PipelineSeg.Dicom.DicomFormatException>(() => DecodeSymbol(table, 0xFF, 0x00, 0xFF, 0x00));
    }

    [SkippableFact]
    public void Over_subscribed_table_is_rejected()
    {
        var counts = new byte[16];
        counts[0] = 3; // three 1-bit codes
        Assert.Throws<PipelineSeg.Dicom.DicomFormatException>(() => new HuffmanTable(counts, [1, 2, 3]));
    }

    [SkippableFact]
    public void Bit_reader_unstuffs_and_stops_at_markers()
    {
        var reader = new JpegBitReader([0xAB, 0xFF, 0x00, 0x12, 0xFF, 0xD9, 0x77], 0);
        Assert.Equal(0xAB, reader.ReadBits(8));
        Assert.Equal(0xFF, reader.ReadBits(8));
        Assert.Equal(0x12, reader.ReadBits(8));
        Assert.Equal(0, reader.ReadBits(16)); // zeros past the marker, never the marker bytes
        Assert.True(reader.AtMarker);
        Assert.Equal(4, reader.Position);
    }

    [SkippableTheory]
    [InlineData(0b0000_0000, 3, -7)]
    [InlineData(0b0110_0000, 3, -4)]
    [InlineData(0b1000_0000, 3, 4)]
    [InlineData(0b1110_0000, 3, 7)]
    [InlineData(0b1000_0000, 1, 1)]
    [InlineData(0b0000_0000, 1, -1)]
    public void Receive_extend_maps_magnitude_bits_to_signed_values(byte first, int category, int expected)
    {
        var reader = new JpegBitReader([first, 0, 0, 0], 0);
        Assert.Equal(expected, reader.ReceiveExtend(category));
    }

    [SkippableFact]
    public void Restart_skips_padding_and_the_RST_marker()
    {
        var reader = new JpegBitReader([0b1010_1111, 0xFF, 0xD0, 0xC3], 0);
        Assert.Equal(0b1010, reader.ReadBits(4));
        reader.Restart();
        Assert.Equal(0xC3, reader.ReadBits(8));
    }

    [SkippableFact]
    public void JpegLs_reader_takes_seven_bits_after_FF()
    {
        // 0xFF then 0x7F: the byte after FF contributes only its low 7 bits (1111111).
        var reader = new JpegLsBitReader([0xFF, 0x7F, 0x80, 0xFF, 0x80], 0);
        Assert.Equal(0xFF, reader.ReadBits(8));
        Assert.Equal(0x7F, reader.ReadBits(7));
        Assert.Equal(0x80, reader.ReadBits(8));
        Assert.Equal(0, reader.ReadBits(8)); // FF 80 is a marker: zeros from here
    }

    [SkippableFact]
    public void JpegLs_unary_code_is_bounded()
    {
        var reader = new JpegLsBitReader([0x00, 0x00, 0x00, 0x01], 0);
        Assert.Equal(31, reader.ReadUnary(64));
        Assert.Throws<PipelineSeg.Dicom.DicomFormatException>(() => new JpegLsBitReader(new byte[64], 0).ReadUnary(32));
    }
}
