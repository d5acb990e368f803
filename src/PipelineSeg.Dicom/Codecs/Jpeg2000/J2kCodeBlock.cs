namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>One code-block: its place in the subband, packet-header state and the bytes gathered over layers.</summary>
internal sealed class J2kCodeBlock(int x0, int y0, int x1, int y1)
{
    public int X0 { get; } = x0;
    public int Y0 { get; } = y0;
    public int X1 { get; } = x1;
    public int Y1 { get; } = y1;
    public bool Included { get; set; }
    public int ZeroPlanes { get; set; }
    public int Passes { get; set; }
    public int LengthBits { get; set; } = 3;
    public List<byte> Data { get; } = [];
}
