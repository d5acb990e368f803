using System.Globalization;
using System.Numerics;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.Imaging.Tests.Nifti;

public sealed class NiftiRoundTripTests
{
    private static readonly VolumeGeometry Oblique = new(
        new Vec3(-101.5, 12.25, 40),
        new Vec3(0.75, 0.8, 2.5),
        Matrix3.FromColumns(new Vec3(0.9, 0.1, 0.0).Normalized(), Vec3.Cross(new Vec3(0, 0, 1), new Vec3(0.9, 0.1, 0.0).Normalized()), new Vec3(0, 0, 1)));

    [SkippableFact] public Task UInt8_round_trips_exactly() => RoundTrip<byte>(i => (byte)(i * 7));

    [SkippableFact] public Task Int16_round_trips_exactly() => RoundTrip<short>(i => (short)((i * 313) - 3000));

    [SkippableFact] public Task UInt16_round_trips_exactly() => RoundTrip<ushort>(i => (ushort)(i * 977));

    [SkippableFact] public Task Int32_round_trips_exactly() => RoundTrip<int>(i => (i * 100_003) - 50_000_000);

    [SkippableFact] public Task Float32_round_trips_exactly() => RoundTrip<float>(i => MathF.Sin(i) * 1e4f);

    [SkippableFact] public Task Float64_round_trips_exactly() => RoundTrip<double>(i => Math.Cos(i) * 1e-7);

    private static async Task RoundTrip<T>(Func<int, T> value) where T : unmanaged, INumber<T>
    {
        var dir = TestPaths.NewTempDirectory("nifti-rt");
        try
        {
            foreach (var name in new[] { "v.nii", "v.nii.gz" })
            {
                var volume = new Volume<T>(7, 5, 3, Oblique);
                for (var i = 0; i < volume.Length; i++)
                {
                    volume.Span[i] = value(i);
                }
                var path = Path.Combine(dir, name);
                await NiftiFile.WriteAsync(path, volume);
                var back = (await NiftiFile.ReadAsync(path)).ToVolume<T>(applyScaling: false);
                Assert.Equal(volume.Size, back.Size);
                Assert.True(volume.Span.SequenceEqual(back.Span));
                Assert.True(back.Geometry.IsCloseTo(Oblique, 1e-4, 1e-6), back.Geometry.ToString());

                // nibabel must read the same voxels and affine
                var script = """
                    import sys, nibabel as nib, numpy as np
                    img = nib.load(sys.argv[1])
                    print(img.header.get_data_dtype().name)
                    print(' '.join(repr(float(v)) for v in img.affine.flatten()))
                    print(' '.join(repr(float(v)) for v in np.asanyarray(img.dataobj).flatten(order='F')))
                    """;
                var lines = ExternalTool.RunPython(script, path).Split('\n');
                Assert.Equal(typeof(T) == typeof(byte) ? "uint8" : typeof(T).Name switch
                {
                    "Int16" => "int16", "UInt16" => "uint16", "Int32" => "int32", "Single" => "float32", _ => "float64",
                }, lines[0].Trim());
                var affine = lines[1].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                var ours = volume.Geometry.ToRasAffine();
                for (var i = 0; i < 16; i++)
                {
                    Assert.True(Math.Abs(affine[i] - ours[i]) < 1e-4, $"affine[{i}] nibabel {affine[i]} ours {ours[i]}");
                }
                var values = lines[2].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                for (var i = 0; i < values.Length; i++)
                {
                    Assert.Equal(double.CreateTruncating(volume.Span[i]), values[i]);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
