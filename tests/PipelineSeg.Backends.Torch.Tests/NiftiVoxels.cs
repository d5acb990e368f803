using System.IO.Compression;

namespace PipelineSeg.Backends.Torch.Tests;

internal static class NiftiVoxels
{
    /// <summary>The voxel bytes of a gzipped NIfTI-1 file (after vox_offset), so header text cannot hide or fake a difference.</summary>
    public static byte[] Read(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gz.CopyTo(memory);
        var bytes = memory.ToArray();
        return bytes[(int)BitConverter.ToSingle(bytes, 108)..];
    }
}
