namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>A frame header (SOFn): coding process, sample precision, size and components.</summary>
internal sealed class JpegFrame(byte marker, int precision, int lines, int samplesPerLine, JpegComponent[] components)
{
    /// <summary>The SOF marker code (C0 baseline, C1 extended, C3 lossless, F7 JPEG-LS…).</summary>
    public byte Marker { get; } = marker;

    /// <summary>Sample precision P in bits.</summary>
    public int Precision { get; } = precision;

    /// <summary>Number of lines Y.</summary>
    public int Lines { get; } = lines;

    /// <summary>Samples per line X.</summary>
    public int SamplesPerLine { get; } = samplesPerLine;

    /// <summary>The components in frame order.</summary>
    public JpegComponent[] Components { get; } = components;

    /// <summary>Largest horizontal sampling factor.</summary>
    public int MaxH => Components.Max(c => c.H);

    /// <summary>Largest vertical sampling factor.</summary>
    public int MaxV => Components.Max(c => c.V);
}
