namespace PipelineSeg.Dicom;

/// <summary>A transfer syntax as data: how the dataset is encoded and whether pixel data is encapsulated.</summary>
/// <param name="Uid">The transfer syntax UID.</param>
/// <param name="IsExplicitVR">Explicit VR encoding.</param>
/// <param name="IsBigEndian">Big endian byte order (retired Explicit VR Big Endian).</param>
/// <param name="IsDeflated">The dataset after the file meta is a raw DEFLATE stream.</param>
/// <param name="IsEncapsulated">Pixel Data is encapsulated (compressed or otherwise fragmented).</param>
public sealed record DicomTransferSyntax(string Uid, bool IsExplicitVR, bool IsBigEndian, bool IsDeflated, bool IsEncapsulated)
{
    /// <summary>Implicit VR Little Endian (the default).</summary>
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian = new(TransferSyntaxes.ImplicitVRLittleEndian, false, false, false, false);

    /// <summary>Explicit VR Little Endian.</summary>
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian = new(TransferSyntaxes.ExplicitVRLittleEndian, true, false, false, false);

    /// <summary>Explicit VR Big Endian (retired, still found in old archives).</summary>
    public static readonly DicomTransferSyntax ExplicitVRBigEndian = new(TransferSyntaxes.ExplicitVRBigEndian, true, true, false, false);

    /// <summary>Deflated Explicit VR Little Endian.</summary>
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian = new(TransferSyntaxes.DeflatedExplicitVRLittleEndian, true, false, true, false);

    /// <summary>The standard name, for messages.</summary>
    public string Name => TransferSyntaxes.Describe(Uid);

    /// <summary>
    /// The transfer syntax for <paramref name="uid"/>. Unknown UIDs are taken to be Explicit VR Little Endian with
    /// encapsulated pixel data, which PS3.5 §10 requires of every compressed transfer syntax.
    /// </summary>
    public static DicomTransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var clean = uid.TrimEnd('\0', ' ');
        return clean switch
        {
            TransferSyntaxes.ImplicitVRLittleEndian => ImplicitVRLittleEndian,
            TransferSyntaxes.ExplicitVRLittleEndian => ExplicitVRLittleEndian,
            TransferSyntaxes.ExplicitVRBigEndian => ExplicitVRBigEndian,
            TransferSyntaxes.DeflatedExplicitVRLittleEndian => DeflatedExplicitVRLittleEndian,
            _ => new DicomTransferSyntax(clean, true, false, false, true),
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Uid} ({Name})";
}
