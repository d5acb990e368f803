using System.IO.Compression;

namespace PipelineSeg.Testing;

/// <summary>Label maps of two <c>batch --outputs nifti</c> runs over the same inputs, compared voxel by voxel.</summary>
internal static class LabelComparison
{
    /// <summary>Per series: voxels, labelled voxels, differing voxels and the smallest per-label Dice of
    /// <paramref name="actualRoot"/> against <paramref name="expectedRoot"/>.</summary>
    public static IReadOnlyList<(string Series, int Voxels, int Labelled, int Differing, double MinDice)> Compare(string expectedRoot, string actualRoot)
    {
        var rows = new List<(string, int, int, int, double)>();
        foreach (var path in Directory.GetFiles(expectedRoot, "labels.nii.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var twin = Path.Combine(actualRoot, Path.GetRelativePath(expectedRoot, path));
            Assert.True(File.Exists(twin), $"{twin} missing");
            var (expected, actual) = (Voxels(path), Voxels(twin));
            Assert.Equal(expected.Length, actual.Length);
            var differing = expected.Zip(actual).Count(p => p.First != p.Second);
            var dice = expected.Concat(actual).Where(v => v != 0).Distinct().Select(label => Dice(expected, actual, label)).DefaultIfEmpty(1).Min();
            rows.Add((Path.GetFileName(Path.GetDirectoryName(path))!, expected.Length, expected.Count(v => v != 0), differing, dice));
        }
        return rows;
    }

    private static double Dice(int[] a, int[] b, int label)
    {
        var (inA, inB, both) = (0, 0, 0);
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i] == label, b[i] == label);
            inA += x ? 1 : 0;
            inB += y ? 1 : 0;
            both += x && y ? 1 : 0;
        }
        return 2.0 * both / (inA + inB);
    }

    /// <summary>The voxels of a NIfTI-1 label map (8- or 16-bit integers after vox_offset), so header text cannot hide
    /// or fake a difference.</summary>
    private static int[] Voxels(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gz.CopyTo(memory);
        var bytes = memory.ToArray();
        var offset = (int)BitConverter.ToSingle(bytes, 108);
        return BitConverter.ToInt16(bytes, 72) switch // bitpix
        {
            8 => [.. bytes.Skip(offset).Select(b => (int)b)],
            16 => [.. Enumerable.Range(0, (bytes.Length - offset) / 2).Select(i => (int)BitConverter.ToInt16(bytes, offset + 2 * i))],
            var bits => throw new InvalidDataException($"{path}: {bits}-bit voxels are not a label map"),
        };
    }
}
