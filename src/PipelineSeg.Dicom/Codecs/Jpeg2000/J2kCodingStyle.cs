namespace PipelineSeg.Dicom.Codecs.Jpeg2000;

/// <summary>COD/COC parameters of a component, with the QCD/QCC exponents of its subbands.</summary>
internal sealed class J2kCodingStyle
{
    public int Levels { get; set; }
    public int BlockWidthExponent { get; set; }
    public int BlockHeightExponent { get; set; }
    public int BlockStyle { get; set; }
    public bool Reversible { get; set; }
    public int[] PrecinctWidthExponents { get; set; } = [];
    public int[] PrecinctHeightExponents { get; set; } = [];
    public int GuardBits { get; set; }
    public int QuantizationStyle { get; set; }

    /// <summary>Subband exponents ε_b in order LL, then (HL, LH, HH) per level from the lowest resolution.</summary>
    public int[] Exponents { get; set; } = [];

    /// <summary>Subband step-size mantissas μ_b (irreversible coding), same order as <see cref="Exponents"/>.</summary>
    public int[] Mantissas { get; set; } = [];

    public J2kCodingStyle Clone() => (J2kCodingStyle)MemberwiseClone();
}
