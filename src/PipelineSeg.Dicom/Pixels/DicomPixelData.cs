using System.Buffers.Binary;
using System.IO.Compression;
using PipelineSeg.Dicom.Codecs;

namespace PipelineSeg.Dicom;

/// <summary>
/// Lazy access to the frames of an image: native frames are slices of the file buffer, encapsulated frames are split
/// once and decoded on demand through <see cref="PixelCodecRegistry"/>. Not thread-safe; use one per file and thread.
/// </summary>
public sealed class DicomPixelData
{
    private readonly DicomElement _element;
    private readonly bool _bigEndian;
    private IReadOnlyList<ReadOnlyMemory<byte>>? _frames;

    private DicomPixelData(DicomFile file, DicomElement element, PixelFrameInfo info, int frames, int highBit)
    {
        File = file;
        _element = element;
        _bigEndian = file.TransferSyntax.IsBigEndian;
        Info = info;
        NumberOfFrames = frames;
        HighBit = highBit;
    }

    /// <summary>The file the pixels belong to.</summary>
    public DicomFile File { get; }

    /// <summary>Image Pixel attributes of every frame.</summary>
    public PixelFrameInfo Info { get; }

    /// <summary>Number of Frames.</summary>
    public int NumberOfFrames { get; }

    /// <summary>High Bit (0028,0102).</summary>
    public int HighBit { get; }

    /// <summary>Bytes of one frame in native layout (bit-packed from bit 0 when Bits Allocated is 1).</summary>
    public int FrameLength => checked((int)Info.FrameLength);

    /// <summary>Reads the Image Pixel module and locates Pixel Data; throws naming the file when it is missing or inconsistent.</summary>
    public static DicomPixelData Create(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        var element = ds.GetElement(DicomTags.PixelData)
                      ?? throw new DicomFormatException(file.StoppedBeforePixelData ? "file was opened header-only" : "no Pixel Data",
                          file.SourceName, DicomTags.PixelData, null);
        int Need(DicomTag tag)
        {
            if (!ds.TryGetInt32(tag, out var v))
            {
                throw new DicomFormatException($"missing or invalid {DicomDictionary.Keyword(tag)}", file.SourceName, tag, null);
            }
            return v;
        }
        var rows = Need(DicomTags.Rows);
        var columns = Need(DicomTags.Columns);
        var bitsAllocated = Need(DicomTags.BitsAllocated);
        var bitsStored = ds.GetInt32(DicomTags.BitsStored, bitsAllocated);
        var samples = ds.GetInt32(DicomTags.SamplesPerPixel, 1);
        if (rows <= 0 || columns <= 0 || bitsAllocated is not (1 or 8 or 16 or 32) || samples is not (1 or 3)
            || bitsStored < 1 || bitsStored > bitsAllocated)
        {
            throw new DicomFormatException(
                $"unsupported image: {rows}x{columns}, {samples} samples, BitsAllocated {bitsAllocated}, BitsStored {bitsStored}",
                file.SourceName, DicomTags.BitsAllocated, null);
        }
        var highBit = ds.GetInt32(DicomTags.HighBit, bitsStored - 1);
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated)
        {
            highBit = bitsStored - 1;
        }
        var frames = ds.TryGetInt32(DicomTags.NumberOfFrames, out var nf) ? nf : 1;
        if (frames < 1)
        {
            throw new DicomFormatException($"Number of Frames is {ds.GetString(DicomTags.NumberOfFrames)}", file.SourceName, DicomTags.NumberOfFrames, null);
        }
        var info = new PixelFrameInfo(rows, columns, samples, bitsAllocated, bitsStored,
            ds.GetInt32(DicomTags.PixelRepresentation, 0) == 1, ds.GetInt32(DicomTags.PlanarConfiguration, 0),
            ds.GetString(DicomTags.PhotometricInterpretation) ?? "MONOCHROME2");
        if (info.FrameLength > int.MaxValue / 2 || frames > DicomInstanceHeader.MaxFrames)
        {
            throw new DicomFormatException($"implausible image size: {frames} frame(s) of {rows}x{columns}x{samples}, {bitsAllocated} bits",
                file.SourceName, DicomTags.Rows, null);
        }
        if (!element.IsEncapsulated && bitsAllocated != 1 && (long)frames * info.FrameLength > element.Length)
        {
            throw new DicomFormatException(
                $"Pixel Data has {element.Length} bytes but {frames} frame(s) of {info.FrameLength} bytes are declared",
                file.SourceName, DicomTags.PixelData, element.ValueOffset);
        }
        if (!element.IsEncapsulated && bitsAllocated == 1 && (((long)frames * rows * columns) + 7) / 8 > element.Length)
        {
            throw new DicomFormatException($"Pixel Data has {element.Length} bytes, too few for {frames} bit-packed frame(s)",
                file.SourceName, DicomTags.PixelData, element.ValueOffset);
        }
        return new DicomPixelData(file, element, info, frames, highBit);
    }

    /// <summary>
    /// Writes frame <paramref name="frameIndex"/> into <paramref name="destination"/> (at least <see cref="FrameLength"/>
    /// bytes) in native little-endian layout. For Bits Allocated 1 the frame is re-packed to start at bit 0.
    /// </summary>
    public void DecodeFrame(int frameIndex, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frameIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frameIndex, NumberOfFrames);
        var length = FrameLength;
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; a frame needs {length}", nameof(destination));
        }
        if (_element.IsEncapsulated)
        {
            DecodeEncapsulated(frameIndex, destination[..length]);
            return;
        }
        var value = _element.Value.Span;
        if (Info.BitsAllocated == 1)
        {
            BitPacking.CopyBits(value, (long)frameIndex * Info.Rows * Info.Columns, Info.Rows * Info.Columns, destination[..length]);
            return;
        }
        var frame = value.Slice(frameIndex * length, length);
        if (_bigEndian && Info.BytesPerSample > 1 && _element.VR != DicomVR.OB)
        {
            SwapInto(frame, destination, Info.BytesPerSample);
        }
        else
        {
            frame.CopyTo(destination);
        }
    }

    /// <summary>
    /// The frame's bytes straight from the file buffer when no decoding or byte swapping is needed (native little
    /// endian, Bits Allocated ≥ 8); false otherwise.
    /// </summary>
    public bool TryGetNativeFrame(int frameIndex, out ReadOnlySpan<byte> frame)
    {
        frame = default;
        if (_element.IsEncapsulated || Info.BitsAllocated == 1 || (_bigEndian && Info.BytesPerSample > 1 && _element.VR != DicomVR.OB)
            || frameIndex < 0 || frameIndex >= NumberOfFrames)
        {
            return false;
        }
        frame = _element.Value.Span.Slice(frameIndex * FrameLength, FrameLength);
        return true;
    }

    private void DecodeEncapsulated(int frameIndex, Span<byte> destination)
    {
        var uid = File.TransferSyntax.Uid;
        _frames ??= EncapsulatedPixelData.SplitFrames(_element.Value, NumberOfFrames, uid, File.SourceName);
        var encoded = _frames[frameIndex].Span;
        if (uid == TransferSyntaxes.DeflatedImageFrameCompression && !PixelCodecRegistry.TryGet(uid, out _))
        {
            Inflate(encoded, destination, frameIndex);
            return;
        }
        PixelFrameDecoder.Decode(uid, encoded, Info, destination, File.SourceName, frameIndex);
    }

    private unsafe void Inflate(ReadOnlySpan<byte> encoded, Span<byte> destination, int frameIndex)
    {
        try
        {
            fixed (byte* p = encoded)
            {
                using var input = new UnmanagedMemoryStream(p, encoded.Length);
                using var inflater = new DeflateStream(input, CompressionMode.Decompress);
                var total = 0;
                int n;
                while (total < destination.Length && (n = inflater.Read(destination[total..])) > 0)
                {
                    total += n;
                }
                if (total < destination.Length)
                {
                    throw new DicomFormatException($"frame {frameIndex + 1} inflates to {total} bytes, {destination.Length} expected",
                        File.SourceName, DicomTags.PixelData, _element.ValueOffset);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DicomFormatException($"frame {frameIndex + 1}: corrupt deflate data ({ex.Message})", File.SourceName,
                DicomTags.PixelData, _element.ValueOffset, ex);
        }
    }

    private static void SwapInto(ReadOnlySpan<byte> source, Span<byte> destination, int size)
    {
        if (size == 2)
        {
            BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(source),
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(destination[..source.Length]));
        }
        else
        {
            BinaryPrimitives.ReverseEndianness(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(source),
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(destination[..source.Length]));
        }
    }
}
