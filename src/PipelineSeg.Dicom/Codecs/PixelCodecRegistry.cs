using System.Diagnostics.CodeAnalysis;
using PipelineSeg.Dicom.Codecs.Jpeg2000;
using PipelineSeg.Dicom.Codecs.JpegBaseline;
using PipelineSeg.Dicom.Codecs.JpegLossless;
using PipelineSeg.Dicom.Codecs.JpegLs;
using PipelineSeg.Dicom.Codecs.Rle;
using PipelineSeg.Dicom.Codecs.Uncompressed;

namespace PipelineSeg.Dicom.Codecs;

/// <summary>
/// Finds the codec for an encapsulated transfer syntax. Native syntaxes (implicit/explicit LE/BE, deflated) are not
/// here: the reader handles them. Codecs are stateless and thread-safe.
/// </summary>
public static class PixelCodecRegistry
{
    private static readonly IPixelCodec[] Codecs = [new RleCodec(), new JpegLosslessCodec(), new JpegDctCodec(), new JpegLsCodec(),
        new EncapsulatedUncompressedCodec(), new Jpeg2000Codec()];

    private static readonly Dictionary<string, IPixelCodec> ByUid = Codecs
        .SelectMany(c => c.TransferSyntaxUids.Select(uid => (uid, c)))
        .ToDictionary(p => p.uid, p => p.c, StringComparer.Ordinal);

    /// <summary>Every encapsulated transfer syntax a codec here decodes (the DICOM receiver accepts these).</summary>
    public static IReadOnlyCollection<string> TransferSyntaxUids => ByUid.Keys;

    /// <summary>The codec for <paramref name="transferSyntaxUid"/> (trailing NUL/space padding ignored), if any.</summary>
    public static bool TryGet(string transferSyntaxUid, [NotNullWhen(true)] out IPixelCodec? codec)
    {
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        return ByUid.TryGetValue(transferSyntaxUid.TrimEnd('\0', ' '), out codec);
    }

    /// <summary>
    /// The codec for <paramref name="transferSyntaxUid"/>, or an <see cref="UnsupportedTransferSyntaxException"/> naming
    /// the transfer syntax and <paramref name="sourceName"/>.
    /// </summary>
    public static IPixelCodec GetOrThrow(string transferSyntaxUid, string? sourceName) =>
        TryGet(transferSyntaxUid, out var codec)
            ? codec
            : throw new UnsupportedTransferSyntaxException(transferSyntaxUid.TrimEnd('\0', ' '), sourceName);

    /// <summary>
    /// The Photometric Interpretation of the decoded frame: lossy JPEG frames stored as YBR_FULL or YBR_FULL_422 are
    /// converted to RGB (as dcmdjpeg and pydicom/Pillow do), JPEG 2000 YBR_RCT by the inverse component transform;
    /// everything else keeps <see cref="PixelFrameInfo.PhotometricInterpretation"/>.
    /// </summary>
    public static string DecodedPhotometricInterpretation(string transferSyntaxUid, PixelFrameInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (!TryGet(transferSyntaxUid, out var codec) || info.SamplesPerPixel != 3)
        {
            return info.PhotometricInterpretation;
        }
        var converts = codec switch
        {
            JpegDctCodec => JpegDctCodec.ConvertsToRgb(info.PhotometricInterpretation),
            Jpeg2000Codec => info.PhotometricInterpretation.Trim() is "YBR_RCT" or "YBR_ICT",
            _ => false,
        };
        return converts ? "RGB" : info.PhotometricInterpretation;
    }
}
