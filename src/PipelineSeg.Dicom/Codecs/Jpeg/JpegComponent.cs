namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>One image component of a JPEG frame (SOF) plus the per-decode state kept for it.</summary>
internal sealed class JpegComponent(int id, int horizontalSampling, int verticalSampling, int quantTable)
{
    /// <summary>Component identifier Ci.</summary>
    public int Id { get; } = id;

    /// <summary>Horizontal sampling factor Hi.</summary>
    public int H { get; } = horizontalSampling;

    /// <summary>Vertical sampling factor Vi.</summary>
    public int V { get; } = verticalSampling;

    /// <summary>Quantisation table selector Tqi (DCT only).</summary>
    public int QuantTable { get; } = quantTable;

    /// <summary>Samples per line of this component, ceil(X * Hi / Hmax).</summary>
    public int Width { get; set; }

    /// <summary>Lines of this component, ceil(Y * Vi / Vmax).</summary>
    public int Height { get; set; }

    /// <summary>Decoded samples, <see cref="Stride"/> per line (padded to whole MCUs for DCT).</summary>
    public ushort[] Samples { get; set; } = [];

    /// <summary>Lines in <see cref="Samples"/> (the rented array may be longer).</summary>
    public int PlaneRows { get; set; }

    /// <summary>Samples per line in <see cref="Samples"/>.</summary>
    public int Stride { get; set; }

    /// <summary>Progressive DCT: every block's quantised coefficients (64 per block, natural order), blocks as in <see cref="Samples"/>.</summary>
    public short[] Coefficients { get; set; } = [];

    /// <summary>Progressive DCT: the quantisation table latched at the component's first scan.</summary>
    public ushort[]? LatchedQuant { get; set; }

    /// <summary>Lossless point transform Pt of the scan that coded this component (applied on output).</summary>
    public int PointTransform { get; set; }

    /// <summary>DC predictor (DCT) during a scan.</summary>
    public int DcPredictor { get; set; }
}
