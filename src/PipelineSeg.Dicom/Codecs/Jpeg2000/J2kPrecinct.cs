namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>The code-blocks of one precinct in each subband of a resolution, with their tag trees.</summary>
internal sealed class J2kPrecinct
{
    public List<(J2kBand Band, int Columns, int Rows, J2kCodeBlock[] Blocks, J2kTagTree Inclusion, J2kTagTree ZeroPlanes)> Bands { get; } = [];
}
