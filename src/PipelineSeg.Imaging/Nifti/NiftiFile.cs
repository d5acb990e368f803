using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace PipelineSeg.Imaging.Nifti;

/// <summary>Reads and writes single-file NIfTI-1 volumes (.nii, .nii.gz; gzip detected from the content).</summary>
public static class NiftiFile
{
    /// <summary>Reads a 3D NIfTI-1 file (a 4D file must have one volume).</summary>
    public static async Task<NiftiImage> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var magic = new byte[2];
        var gz = await file.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == 2
            && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        await using Stream stream = gz ? new GZipStream(file, CompressionMode.Decompress) : file;
        try
        {
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: file is truncated", e);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Synchronous <see cref="ReadAsync(string, CancellationToken)"/>.</summary>
    public static NiftiImage Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    /// <summary>Writes a volume with its geometry; gzip-compressed when the path ends in .gz. Stored values are exact.</summary>
    public static async Task WriteAsync<T>(string path, Volume<T> volume, NiftiWriteOptions? options = null, CancellationToken cancellationToken = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(volume);
        options ??= new NiftiWriteOptions();
        var header = new NiftiHeader
        {
            DataType = NiftiDataTypes.For<T>(),
            SclSlope = options.SclSlope,
            SclInter = options.SclInter,
            QformCode = options.QformCode,
            SformCode = options.SformCode,
            Description = options.Description,
        };
        header.Dim[0] = 3;
        header.Dim[1] = checked((short)volume.Width);
        header.Dim[2] = checked((short)volume.Height);
        header.Dim[3] = checked((short)volume.Depth);
        for (var i = 4; i < 8; i++)
        {
            header.Dim[i] = 1;
            header.PixDim[i] = 0;
        }
        NiftiAffine.SetAffine(header, volume.Geometry.ToRasAffine());
        var headerBytes = NiftiHeaderCodec.Serialize(header);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : file;
        await stream.WriteAsync(headerBytes, cancellationToken).ConfigureAwait(false);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("writing NIfTI on a big-endian machine");
        }
        const int chunk = 1 << 22;
        var data = volume.Array;
        var elementSize = Marshal.SizeOf<T>();
        var perChunk = Math.Max(1, chunk / elementSize);
        for (var start = 0; start < data.Length; start += perChunk)
        {
            var n = Math.Min(perChunk, data.Length - start);
            var block = MemoryMarshal.AsBytes(data.AsSpan(start, n)).ToArray();
            await stream.WriteAsync(block, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous <see cref="WriteAsync{T}"/>.</summary>
    public static void Write<T>(string path, Volume<T> volume, NiftiWriteOptions? options = null) where T : unmanaged =>
        WriteAsync(path, volume, options).GetAwaiter().GetResult();

    private static async Task<NiftiImage> ReadAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        var headerBytes = new byte[NiftiHeaderCodec.HeaderSize];
        await stream.ReadExactlyAsync(headerBytes, cancellationToken).ConfigureAwait(false);
        var header = NiftiHeaderCodec.Parse(headerBytes, source);
        var dims = header.Dim[0];
        if (dims is < 1 or > 7)
        {
            throw new InvalidDataException($"{source}: dim[0] = {dims} is invalid");
        }
        int D(int i) => i <= dims ? Math.Max(1, (int)header.Dim[i]) : 1;
        for (var i = 4; i <= dims; i++)
        {
            if (D(i) > 1)
            {
                throw new InvalidDataException($"{source}: {dims}D NIfTI with {D(i)} entries along dimension {i} is not supported (3D volumes only)");
            }
        }
        var size = new VolumeSize(D(1), D(2), D(3));
        var elementSize = NiftiDataTypes.SizeOf(header.DataType);
        var skip = (long)header.VoxOffset - NiftiHeaderCodec.HeaderSize;
        if (skip < 0)
        {
            throw new InvalidDataException($"{source}: vox_offset {header.VoxOffset} is inside the header");
        }
        await SkipAsync(stream, skip, cancellationToken).ConfigureAwait(false);
        var data = GC.AllocateUninitializedArray<byte>(checked((int)(size.VoxelCount * elementSize)));
        await stream.ReadExactlyAsync(data, cancellationToken).ConfigureAwait(false);
        if (header.BigEndian)
        {
            SwapBytes(data, elementSize);
        }
        var geometry = VolumeGeometry.FromRasAffine(NiftiAffine.BestRasAffine(header, size));
        return new NiftiImage(header, size, geometry, data);
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(count, 1 << 16)];
        while (count > 0)
        {
            var n = (int)Math.Min(buffer.Length, count);
            await stream.ReadExactlyAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            count -= n;
        }
    }

    private static void SwapBytes(Span<byte> data, int elementSize)
    {
        switch (elementSize)
        {
            case 2: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, short>(data), MemoryMarshal.Cast<byte, short>(data)); break;
            case 4: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(data), MemoryMarshal.Cast<byte, int>(data)); break;
            case 8: BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, long>(data), MemoryMarshal.Cast<byte, long>(data)); break;
            default: break;
        }
    }
}
