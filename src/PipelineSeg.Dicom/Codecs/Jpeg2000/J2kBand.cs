namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>A subband of a tile-component: bounds (T.800 B.5), orientation (0 LL, 1 HL, 2 LH, 3 HH), magnitude bits, step, coefficients.</summary>
internal sealed class J2kBand(int x0, int y0, int x1, int y1, int orientation, int magnitudeBits, float stepSize)
{
    public int X0 { get; } = x0;
    public int Y0 { get; } = y0;
    public int X1 { get; } = x1;
    public int Y1 { get; } = y1;
    public int Orientation { get; } = orientation;
    public int MagnitudeBits { get; } = magnitudeBits;

    /// <summary>Quantisation step Δ_b (T.800 E.1.1.1) for irreversible coding; 1 when reversible.</summary>
    public float StepSize { get; } = stepSize;
    public int Width => X1 - X0;
    public int Height => Y1 - Y0;
    public int[] Coefficients { get; } = new int[Math.Max(0, x1 - x0) * Math.Max(0, y1 - y0)];
}
