namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>Tier-1 context numbers (T.800 D.3): 0–8 significance, 9–13 sign, 14–16 refinement, 17 run length, 18 uniform.</summary>
internal static class J2kContexts
{
    public const int RunLength = 17;
    public const int Uniform = 18;
}
