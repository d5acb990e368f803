using System.Buffers.Binary;

namespace PipelineSeg.Dicom.Codecs;

/// <summary>Recognises the first bytes of a frame's codestream, to find frame boundaries when there is no offset table.</summary>
internal static class FrameStartMarker
{
    /// <summary>True when <paramref name="fragment"/> begins a new frame for the given transfer syntax.</summary>
    public static bool IsFrameStart(ReadOnlySpan<byte> fragment, string transferSyntaxUid)
    {
        if (fragment.Length < 4)
        {
            return false;
        }
        if (transferSyntaxUid.TrimEnd('\0', ' ') == TransferSyntaxes.RleLossless)
        {
            // RLE header: segment count 1..15, first segment offset 64.
            return fragment.Length >= 64
                && BinaryPrimitives.ReadUInt32LittleEndian(fragment) is >= 1 and <= 15
                && BinaryPrimitives.ReadUInt32LittleEndian(fragment[4..]) == 64;
        }
        // JPEG / JPEG-LS: SOI followed by a marker; JPEG 2000 codestream: SOC + SIZ; JP2 box signature.
        return (fragment[0] == 0xFF && fragment[1] == 0xD8 && fragment[2] == 0xFF)
            || (fragment[0] == 0xFF && fragment[1] == 0x4F && fragment[2] == 0xFF && fragment[3] == 0x51)
            || (fragment.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(fragment[4..]) == 0x6A502020);
    }
}
