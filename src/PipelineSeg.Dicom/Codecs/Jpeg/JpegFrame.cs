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

    /// <summary>
    /// MCUs across and down for a DCT scan of <paramref name="scanComponents"/>: a one-component scan is not
    /// interleaved (one 8×8 block per MCU over that component's own size, T.81 A.2.2); an interleaved scan's MCU
    /// covers 8·MaxH × 8·MaxV samples of the frame (A.2.3).
    /// </summary>
    public (int X, int Y) DctMcuCount(JpegComponent[] scanComponents)
    {
        if (scanComponents.Length == 1)
        {
            return ((scanComponents[0].Width + 7) / 8, (scanComponents[0].Height + 7) / 8);
        }
        int mcuWidth = 8 * MaxH, mcuHeight = 8 * MaxV;
        return ((SamplesPerLine + mcuWidth - 1) / mcuWidth, (Lines + mcuHeight - 1) / mcuHeight);
    }
}
