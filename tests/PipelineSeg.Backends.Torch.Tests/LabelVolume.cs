using System.IO.Compression;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>Label voxels of a NIfTI-1 file written by <c>batch --outputs nifti</c>, and the Dice of one label between two volumes.</summary>
internal static class LabelVolume
{
    /// <summary>The voxel values (uint8, int16 or uint16 labels, read from the header's datatype), after vox_offset.</summary>
    public static int[] Read(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gz.CopyTo(memory);
        var bytes = memory.ToArray();
        var datatype = BitConverter.ToInt16(bytes, 70);
        var voxels = bytes.AsSpan((int)BitConverter.ToSingle(bytes, 108));
        return datatype switch
        {
            2 => [.. voxels.ToArray().Select(b => (int)b)],
            4 => [.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(voxels).ToArray().Select(v => (int)v)],
            512 => [.. System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(voxels).ToArray().Select(v => (int)v)],
            _ => throw new InvalidDataException($"{path}: NIfTI datatype {datatype} is not a label type"),
        };
    }

    /// <summary>2|A∩B| / (|A| + |B|) for the voxels equal to <paramref name="label"/>; 1 when neither has it.</summary>
    public static double Dice(int[] a, int[] b, int label)
    {
        Assert.Equal(a.Length, b.Length);
        long both = 0, inA = 0, inB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i] == label, b[i] == label);
            inA += x ? 1 : 0;
            inB += y ? 1 : 0;
            both += x && y ? 1 : 0;
        }
        return inA + inB == 0 ? 1 : 2.0 * both / (inA + inB);
    }
}
