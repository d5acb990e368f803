using PipelineSeg.Tensors;

namespace PipelineSeg.Tensors.Tests.Serialization;

public sealed class NpyFileTests : IDisposable
{
    private readonly string dir = TestPaths.NewTempDirectory("npy");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [SkippableFact]
    public void Float32_round_trips_with_shape()
    {
        var path = Path.Combine(dir, "f.npy");
        float[] data = [1.5f, -2f, 3.25f, 0f, float.MaxValue, -0f];
        NpyFile.Write(path, data, [2, 3]);
        var read = NpyFile.Read(path);
        Assert.Equal(NpyDataType.Float32, read.DataType);
        Assert.Equal([2, 3], read.Shape.ToArray());
        Assert.Equal(data, read.AsFloat32().ToArray());
    }

    [SkippableFact]
    public void Int64_and_uint8_round_trip_including_one_dimensional_and_scalar_shapes()
    {
        var longs = Path.Combine(dir, "l.npy");
        NpyFile.Write(longs, [long.MinValue, 7L, long.MaxValue], [3]);
        Assert.Equal([long.MinValue, 7L, long.MaxValue], NpyFile.Read(longs).AsInt64().ToArray());
        Assert.Equal([3], NpyFile.Read(longs).Shape.ToArray());

        var bytes = Path.Combine(dir, "b.npy");
        NpyFile.Write(bytes, [(byte)9], ReadOnlySpan<int>.Empty);
        var scalar = NpyFile.Read(bytes);
        Assert.Equal(0, scalar.Shape.Length);
        Assert.Equal((byte)9, scalar.AsUInt8()[0]);
    }

    [SkippableFact]
    public void Header_is_version_1_and_data_starts_64_byte_aligned()
    {
        var path = Path.Combine(dir, "a.npy");
        NpyFile.Write(path, new float[7], [7]);
        var raw = File.ReadAllBytes(path);
        Assert.Equal(1, raw[6]);
        var headerLength = raw[8] | (raw[9] << 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.Equal((byte)'\n', raw[10 + headerLength - 1]);
    }

    [SkippableFact]
    public void Reads_files_written_by_numpy()
    {
        var path = TestPaths.Repo("tests", "PipelineSeg.Nn.Tests", "Fixtures", "layers", "conv_basic.input.npy");
        var array = NpyFile.Read(path);
        Assert.Equal(NpyDataType.Float32, array.DataType);
        Assert.Equal(4, array.Shape.Length);
        Assert.Equal(array.Length, array.AsFloat32().Length);
    }

    [SkippableFact]
    public void Values_and_shapes_agree_with_numpy_in_both_directions()
    {
        const string script = """
            import sys, numpy as np
            d = sys.argv[1]
            np.save(d + '/np_f4.npy', (np.arange(24, dtype='<f4') * 0.5 - 3).reshape(2, 3, 4))
            np.save(d + '/np_i8.npy', (np.arange(-5, 5, dtype='<i8') * 10**12).reshape(2, 5))
            np.save(d + '/np_u1.npy', np.arange(256, dtype='u1').reshape(16, 16))
            with open(d + '/np_f8_v2.npy', 'wb') as f:
                np.lib.format.write_array(f, np.array([0.1, -1e300, 3.0], dtype='<f8'), version=(2, 0))
            ours = np.load(d + '/ours.npy')
            print(ours.dtype.str, list(ours.shape), float(ours.sum()), float(ours[1, 2]))
            """;
        NpyFile.Write(Path.Combine(dir, "ours.npy"), [1f, 2f, 3f, 4f, 5f, -6.5f], [2, 3]);
        Assert.Equal("<f4 [2, 3] 8.5 -6.5", ExternalTool.RunPython(script, dir).Trim());

        var f4 = NpyFile.Read(Path.Combine(dir, "np_f4.npy"));
        Assert.Equal([2, 3, 4], f4.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i * 0.5f - 3), f4.AsFloat32().ToArray());
        var i8 = NpyFile.Read(Path.Combine(dir, "np_i8.npy"));
        Assert.Equal([2, 5], i8.Shape.ToArray());
        Assert.Equal(Enumerable.Range(-5, 10).Select(i => i * 1_000_000_000_000L), i8.AsInt64().ToArray());
        var u1 = NpyFile.Read(Path.Combine(dir, "np_u1.npy"));
        Assert.Equal([16, 16], u1.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, 256).Select(i => (byte)i), u1.AsUInt8().ToArray());
        var f8 = NpyFile.Read(Path.Combine(dir, "np_f8_v2.npy"));
        Assert.Equal([3], f8.Shape.ToArray());
        Assert.Equal([0.1, -1e300, 3.0], f8.AsFloat64().ToArray());
    }

    [SkippableFact]
    public void Errors_name_the_file_and_the_cause()
    {
        var path = Path.Combine(dir, "bad.npy");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        var e = Assert.Throws<InvalidDataException>(() => NpyFile.Read(path));
        Assert.Contains("bad.npy", e.Message, StringComparison.Ordinal);
        Assert.Contains("magic", e.Message, StringComparison.Ordinal);

        var f8 = Path.Combine(dir, "f8.npy");
        NpyFile.Write(f8, new float[2], [2]);
        var raw = File.ReadAllBytes(f8);
        var text = System.Text.Encoding.Latin1.GetString(raw).Replace("<f4", "<c8", StringComparison.Ordinal);
        var patched = System.Text.Encoding.Latin1.GetBytes(text);
        File.WriteAllBytes(f8, patched);
        var e2 = Assert.Throws<InvalidDataException>(() => NpyFile.Read(f8));
        Assert.Contains("<c8", e2.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fortran_order_is_rejected_clearly()
    {
        var path = Path.Combine(dir, "fo.npy");
        NpyFile.Write(path, new float[4], [2, 2]);
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(path)).Replace("False", "True ", StringComparison.Ordinal);
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(text));
        var e = Assert.Throws<InvalidDataException>(() => NpyFile.Read(path));
        Assert.Contains("Fortran", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Float64_files_round_trip_and_convert_to_float32_tensors()
    {
        var path = Path.Combine(dir, "d.npy");
        NpyFile.Write(path, [0.1, -2.5, 1e10], [1, 3]);
        var array = NpyFile.Read(path);
        Assert.Equal(NpyDataType.Float64, array.DataType);
        Assert.Equal([0.1, -2.5, 1e10], array.AsFloat64().ToArray());
        using var t = NpyFile.ReadTensor(path);
        Assert.Equal([0.1f, -2.5f, 1e10f], t.ToArray());
    }
}
