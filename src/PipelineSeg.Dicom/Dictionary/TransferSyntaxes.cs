using System.Collections.Frozen;

namespace PipelineSeg.Dicom;

/// <summary>
/// The one registry of transfer syntax UIDs (PS3.6 Annex A) and their standard names; <see cref="DicomTransferSyntax"/>
/// adds the encoding flags, codecs list the UIDs they decode from here.
/// </summary>
public static class TransferSyntaxes
{
    /// <summary>Implicit VR Little Endian (the default).</summary>
    public const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";
    /// <summary>Explicit VR Little Endian.</summary>
    public const string ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
    /// <summary>Explicit VR Big Endian (retired).</summary>
    public const string ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
    /// <summary>Deflated Explicit VR Little Endian.</summary>
    public const string DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
    /// <summary>Encapsulated Uncompressed Explicit VR Little Endian.</summary>
    public const string EncapsulatedUncompressed = "1.2.840.10008.1.2.1.98";
    /// <summary>RLE Lossless.</summary>
    public const string RleLossless = "1.2.840.10008.1.2.5";
    /// <summary>JPEG Baseline (Process 1).</summary>
    public const string JpegBaseline = "1.2.840.10008.1.2.4.50";
    /// <summary>JPEG Extended (Process 2 and 4).</summary>
    public const string JpegExtended = "1.2.840.10008.1.2.4.51";
    /// <summary>JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8), retired.</summary>
    public const string JpegSpectralSelection = "1.2.840.10008.1.2.4.53";
    /// <summary>JPEG Full Progression, Non-Hierarchical (Process 10 and 12), retired.</summary>
    public const string JpegFullProgression = "1.2.840.10008.1.2.4.55";
    /// <summary>JPEG Lossless, Non-Hierarchical (Process 14).</summary>
    public const string JpegLossless = "1.2.840.10008.1.2.4.57";
    /// <summary>JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]).</summary>
    public const string JpegLosslessSv1 = "1.2.840.10008.1.2.4.70";
    /// <summary>JPEG-LS Lossless.</summary>
    public const string JpegLsLossless = "1.2.840.10008.1.2.4.80";
    /// <summary>JPEG-LS Lossy (Near-Lossless).</summary>
    public const string JpegLsNearLossless = "1.2.840.10008.1.2.4.81";

    /// <summary>JPEG 2000 Image Compression (Lossless Only).</summary>
    public const string Jpeg2000Lossless = "1.2.840.10008.1.2.4.90";
    /// <summary>JPEG 2000 Image Compression.</summary>
    public const string Jpeg2000 = "1.2.840.10008.1.2.4.91";
    /// <summary>Deflated Image Frame Compression.</summary>
    public const string DeflatedImageFrameCompression = "1.2.840.10008.1.2.8.1";

    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        [ImplicitVRLittleEndian] = "Implicit VR Little Endian",
        [ExplicitVRLittleEndian] = "Explicit VR Little Endian",
        [EncapsulatedUncompressed] = "Encapsulated Uncompressed Explicit VR Little Endian",
        [DeflatedExplicitVRLittleEndian] = "Deflated Explicit VR Little Endian",
        [ExplicitVRBigEndian] = "Explicit VR Big Endian",
        [RleLossless] = "RLE Lossless",
        [JpegBaseline] = "JPEG Baseline (Process 1)",
        [JpegExtended] = "JPEG Extended (Process 2 and 4)",
        [JpegSpectralSelection] = "JPEG Spectral Selection, Non-Hierarchical (Process 6 and 8)",
        [JpegFullProgression] = "JPEG Full Progression, Non-Hierarchical (Process 10 and 12)",
        [JpegLossless] = "JPEG Lossless, Non-Hierarchical (Process 14)",
        [JpegLosslessSv1] = "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
        [JpegLsLossless] = "JPEG-LS Lossless Image Compression",
        [JpegLsNearLossless] = "JPEG-LS Lossy (Near-Lossless) Image Compression",
        [Jpeg2000Lossless] = "JPEG 2000 Image Compression (Lossless Only)",
        [Jpeg2000] = "JPEG 2000 Image Compression",
        ["1.2.840.10008.1.2.4.92"] = "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)",
        ["1.2.840.10008.1.2.4.93"] = "JPEG 2000 Part 2 Multi-component Image Compression",
        ["1.2.840.10008.1.2.4.94"] = "JPIP Referenced",
        ["1.2.840.10008.1.2.4.95"] = "JPIP Referenced Deflate",
        ["1.2.840.10008.1.2.4.100"] = "MPEG2 Main Profile / Main Level",
        ["1.2.840.10008.1.2.4.101"] = "MPEG2 Main Profile / High Level",
        ["1.2.840.10008.1.2.4.102"] = "MPEG-4 AVC/H.264 High Profile / Level 4.1",
        ["1.2.840.10008.1.2.4.103"] = "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1",
        ["1.2.840.10008.1.2.4.104"] = "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video",
        ["1.2.840.10008.1.2.4.105"] = "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video",
        ["1.2.840.10008.1.2.4.106"] = "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2",
        ["1.2.840.10008.1.2.4.107"] = "HEVC/H.265 Main Profile / Level 5.1",
        ["1.2.840.10008.1.2.4.108"] = "HEVC/H.265 Main 10 Profile / Level 5.1",
        ["1.2.840.10008.1.2.4.201"] = "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
        ["1.2.840.10008.1.2.4.202"] = "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)",
        ["1.2.840.10008.1.2.4.203"] = "High-Throughput JPEG 2000 Image Compression",
        [DeflatedImageFrameCompression] = "Deflated Image Frame Compression",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The standard name of <paramref name="transferSyntaxUid"/>, or "unknown transfer syntax".</summary>
    public static string Describe(string transferSyntaxUid) =>
        Names.TryGetValue(transferSyntaxUid.TrimEnd('\0', ' '), out var name) ? name : "unknown transfer syntax";
}
