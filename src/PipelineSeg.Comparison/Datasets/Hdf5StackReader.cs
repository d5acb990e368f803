using PureHDF;

namespace PipelineSeg.Comparison.Datasets;

/// <summary>Reads a named dataset of an HDF5 file (floating point, or integers up to 64 bits) as a <see cref="SliceStack"/> (PureHDF, no native library).</summary>
internal static class Hdf5StackReader
{
    public static SliceStack Read(string path, string datasetName)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: no such file");
        }
        var source = $"{path}:{datasetName}";
        try
        {
            using var file = H5File.OpenRead(path);
            if (!file.LinkExists(datasetName))
            {
                var names = file.Children().Select(c => c.Name).ToList();
                throw new InvalidDataException($"{path}: no dataset '{datasetName}' (found: {(names.Count == 0 ? "nothing" : string.Join(", ", names))})");
            }
            var dataset = file.Dataset(datasetName);
            var shape = dataset.Space.Dimensions.Select(d => (long)d).ToList();
            return SliceStack.Create(source, Values(dataset, source), shape);
        }
        catch (Exception e) when (e is not InvalidDataException and not OperationCanceledException and not OutOfMemoryException)
        {
            // PureHDF throws its own exception types for damaged or unsupported files; the cause keeps its message
            throw new InvalidDataException($"{source}: not readable as HDF5 ({e.Message})", e);
        }
    }

    private static float[] Values(IH5Dataset dataset, string source)
    {
        var type = dataset.Type;
        return (type.Class, type.Size) switch
        {
            (H5DataTypeClass.FloatingPoint, 4) => dataset.Read<float[]>(),
            (H5DataTypeClass.FloatingPoint, 8) => [.. dataset.Read<double[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 1) when type.FixedPoint.IsSigned => [.. dataset.Read<sbyte[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 1) => [.. dataset.Read<byte[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 2) when type.FixedPoint.IsSigned => [.. dataset.Read<short[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 2) => [.. dataset.Read<ushort[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 4) when type.FixedPoint.IsSigned => [.. dataset.Read<int[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 4) => [.. dataset.Read<uint[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 8) when type.FixedPoint.IsSigned => [.. dataset.Read<long[]>().Select(v => (float)v)],
            (H5DataTypeClass.FixedPoint, 8) => [.. dataset.Read<ulong[]>().Select(v => (float)v)],
            _ => throw new InvalidDataException($"{source}: element type {type.Class} of {type.Size} bytes is not a number"),
        };
    }
}
