using System.Buffers.Binary;
using System.IO.Compression;

namespace PipelineSeg.Dicom;

/// <summary>
/// Writes Part 10 files: preamble, "DICM", file meta with group length, then the dataset walked in tag order in Explicit VR
/// Little Endian — as is, raw-deflated (Deflated Explicit VR Little Endian) or with encapsulated Pixel Data (RLE Lossless).
/// Sequences and items use undefined length with delimiters.
/// </summary>
public static class DicomWriter
{
    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/> (replacing it atomically via a temporary file).</summary>
    public static void WriteFile(string path, DicomDataset dataset) =>
        WriteFile(path, dataset, TransferSyntaxes.ExplicitVRLittleEndian);

    /// <summary>Writes <paramref name="dataset"/> in <paramref name="transferSyntaxUid"/> (see <see cref="Write(Stream, DicomDataset, string)"/>).</summary>
    public static void WriteFile(string path, DicomDataset dataset, string transferSyntaxUid)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(stream, dataset, transferSyntaxUid);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes a Part 10 stream; the file meta is derived from SOP Class/Instance UID of the dataset.</summary>
    public static void Write(Stream stream, DicomDataset dataset) => Write(stream, dataset, TransferSyntaxes.ExplicitVRLittleEndian);

    /// <summary>
    /// Writes a Part 10 stream in Explicit VR Little Endian, Deflated Explicit VR Little Endian (everything after the file
    /// meta raw-deflated, no zlib header: PS3.5 A.5) or RLE Lossless (Pixel Data must already be encapsulated).
    /// </summary>
    public static void Write(Stream stream, DicomDataset dataset, string transferSyntaxUid)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(transferSyntaxUid);
        var pixelData = dataset.Elements.FirstOrDefault(e => e.Tag == DicomTags.PixelData);
        switch (transferSyntaxUid)
        {
            case TransferSyntaxes.ExplicitVRLittleEndian or TransferSyntaxes.DeflatedExplicitVRLittleEndian:
                break;
            case TransferSyntaxes.RleLossless when pixelData is null || pixelData.IsEncapsulated:
                break;
            case TransferSyntaxes.RleLossless:
                throw new ArgumentException("RLE Lossless needs encapsulated Pixel Data; encode the frames first", nameof(dataset));
            default:
                throw new NotSupportedException($"writing in {TransferSyntaxes.Describe(transferSyntaxUid)} is not supported");
        }
        var sopClass = dataset.GetString(DicomTags.SOPClassUID);
        var sopInstance = dataset.GetString(DicomTags.SOPInstanceUID);
        if (string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
        {
            throw new ArgumentException("the dataset needs SOP Class UID and SOP Instance UID", nameof(dataset));
        }
        WriteFileMetaInformation(stream, sopClass, sopInstance, transferSyntaxUid, sourceAeTitle: null);
        var body = new DicomDataset();
        foreach (var e in dataset.Elements.Where(e => e.Tag.Group != 0x0002))
        {
            body.Set(e);
        }
        if (transferSyntaxUid == TransferSyntaxes.DeflatedExplicitVRLittleEndian)
        {
            using var deflater = new DeflateStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            // Element headers are written a few bytes at a time; batch them before the deflater sees them.
            using var buffered = new BufferedStream(deflater, 1 << 16);
            WriteElements(buffered, body, depth: 0);
            return;
        }
        WriteElements(stream, body, depth: 0);
    }

    /// <summary>
    /// Writes the preamble, "DICM" and the file meta information (group 0002 with its group length) for a dataset of
    /// <paramref name="sopClass"/>/<paramref name="sopInstance"/> encoded in <paramref name="transferSyntaxUid"/>; the
    /// caller appends the dataset bytes (the DICOM receiver appends them as they arrive from the network).
    /// </summary>
    public static void WriteFileMetaInformation(Stream stream, string sopClass, string sopInstance, string transferSyntaxUid, string? sourceAeTitle)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var meta = new DicomDataset();
        meta.SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 });
        meta.SetString(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClass);
        meta.SetString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance);
        meta.SetString(DicomTags.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid);
        meta.SetString(DicomTags.ImplementationClassUID, DicomVR.UI, DicomUid.ImplementationClassUid);
        meta.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomUid.ImplementationVersionName);
        if (!string.IsNullOrEmpty(sourceAeTitle))
        {
            meta.SetString(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, sourceAeTitle);
        }

        using var metaBytes = new MemoryStream();
        WriteElements(metaBytes, meta, depth: 0);
        stream.Write(new byte[128]);
        stream.Write("DICM"u8);
        Span<byte> groupLength = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength[2..], 0x0000);
        groupLength[4] = (byte)'U';
        groupLength[5] = (byte)'L';
        BinaryPrimitives.WriteUInt16LittleEndian(groupLength[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength[8..], (uint)metaBytes.Length);
        stream.Write(groupLength);
        metaBytes.Position = 0;
        metaBytes.CopyTo(stream);
    }

    private static void WriteElements(Stream stream, DicomDataset dataset, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("sequences nested deeper than 64 levels");
        }
        if (dataset.IsBigEndian)
        {
            throw new InvalidOperationException("big endian datasets cannot be written as little endian; copy the values first");
        }
        Span<byte> header = stackalloc byte[12];
        foreach (var e in dataset.Elements)
        {
            if (e.Tag.Element == 0x0000 && e.Tag.Group != 0x0002)
            {
                continue; // group lengths are retired; never copy stale ones
            }
            var vr = e.VR is DicomVR.None ? DicomVR.UN : e.VR;
            BinaryPrimitives.WriteUInt16LittleEndian(header, e.Tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], e.Tag.Element);
            header[4] = (byte)((ushort)vr >> 8);
            header[5] = (byte)((ushort)vr & 0xFF);
            if (e.Items is { } items)
            {
                header[6] = header[7] = 0;
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0xFFFFFFFF);
                stream.Write(header[..12]);
                foreach (var item in items)
                {
                    WriteTag(stream, 0xFFFE, 0xE000, 0xFFFFFFFF);
                    WriteElements(stream, item, depth + 1);
                    WriteTag(stream, 0xFFFE, 0xE00D, 0);
                }
                WriteTag(stream, 0xFFFE, 0xE0DD, 0);
                continue;
            }
            var value = e.Value.Span;
            var padded = value.Length + (value.Length & 1);
            if (e.IsEncapsulated)
            {
                header[6] = header[7] = 0;
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], 0xFFFFFFFF);
                stream.Write(header[..12]);
                stream.Write(value);
                continue;
            }
            if (DicomVRInfo.HasLongLength(vr))
            {
                header[6] = header[7] = 0;
                BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)padded);
                stream.Write(header[..12]);
            }
            else
            {
                if (padded > ushort.MaxValue - 1)
                {
                    throw new InvalidOperationException($"value of {e.Tag} ({padded} bytes) is too long for VR {DicomVRInfo.Code(vr)}");
                }
                BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)padded);
                stream.Write(header[..8]);
            }
            stream.Write(value);
            if (padded != value.Length)
            {
                stream.WriteByte(DicomVRInfo.PaddingByte(vr));
            }
        }
    }

    private static void WriteTag(Stream stream, ushort group, ushort element, uint length)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(b, group);
        BinaryPrimitives.WriteUInt16LittleEndian(b[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], length);
        stream.Write(b);
    }
}
