namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>The Huffman and quantisation tables in force when a scan starts.</summary>
internal readonly record struct JpegTables(HuffmanTable?[] Dc, HuffmanTable?[] Ac, ushort[]?[] Quant);
