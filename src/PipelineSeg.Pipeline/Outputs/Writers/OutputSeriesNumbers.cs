namespace PipelineSeg.Pipeline.Outputs.Writers;

/// <summary>
/// Series Number of each result series, so that every object written into the source study is its own series with
/// a number of its own (the SEG keeps the 300 it always had).
/// </summary>
public static class OutputSeriesNumbers
{
    /// <summary>The DICOM-SEG.</summary>
    public const int Seg = 300;

    /// <summary>The uncertainty (FRACTIONAL) SEG of Monte-Carlo passes.</summary>
    public const int Uncertainty = 302;

    /// <summary>The RT Structure Set.</summary>
    public const int RtStruct = 310;

    /// <summary>The overlay images.</summary>
    public const int Overlay = 320;
}
