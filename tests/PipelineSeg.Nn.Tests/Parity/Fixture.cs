using PipelineSeg.Tensors;

namespace PipelineSeg.Nn.Tests.Parity;

/// <summary>Reads the fixtures tools/engine/make_fixtures.py wrote and compares results with PyTorch's.</summary>
internal static class Fixture
{
    /// <summary>Absolute tolerance, relative for |expected| > 1.</summary>
    public const float Tolerance = 1e-4f;

    public static string PathOf(string folder, string name, string suffix) =>
        TestPaths.Repo("tests", "PipelineSeg.Nn.Tests", "Fixtures", folder, name + suffix);

    public static Tensor Input(string folder, string name) => NpyFile.ReadTensor(PathOf(folder, name, ".input.npy"));

    public static NpyArray Expected(string folder, string name) => NpyFile.Read(PathOf(folder, name, ".output.npy"));

    public static void LoadWeights(Module module, string folder, string name)
    {
        var path = PathOf(folder, name, ".safetensors");
        if (File.Exists(path))
        {
            module.LoadSafetensors(path);
        }
        else
        {
            Assert.Empty(module.StateDict());
        }
    }

    /// <summary>Loads the case's weights into <paramref name="module"/>, runs its input and asserts the output matches PyTorch's; returns the largest scaled error.</summary>
    public static double AssertForwardMatches(Module module, string folder, string name)
    {
        LoadWeights(module, folder, name);
        using var input = Input(folder, name);
        using var output = module.Forward(input);
        return AssertClose(Expected(folder, name), output, name);
    }

    /// <summary>Asserts shapes match and every element is within tolerance; returns the largest scaled error.</summary>
    public static double AssertClose(NpyArray expected, Tensor actual, string what)
    {
        Assert.True(expected.Shape.SequenceEqual(actual.Shape),
            $"{what}: shape {actual} differs from PyTorch's [{string.Join(", ", expected.Shape.ToArray())}]");
        var e = expected.AsFloat32();
        var a = actual.Span;
        double worst = 0;
        var worstAt = -1;
        for (var i = 0; i < e.Length; i++)
        {
            if (float.IsNaN(e[i]) || float.IsNaN(a[i]))
            {
                Assert.True(float.IsNaN(e[i]) && float.IsNaN(a[i]), $"{what}: element {i} is {a[i]}, PyTorch {e[i]}");
                continue;
            }
            var err = Math.Abs((double)a[i] - e[i]) / Math.Max(1.0, Math.Abs(e[i]));
            if (!(err <= worst))
            {
                worst = err;
                worstAt = i;
            }
        }
        Assert.True(worst <= Tolerance,
            $"{what}: max error {worst:E2} at element {worstAt} (ours {(worstAt >= 0 ? a[worstAt] : 0)}, PyTorch {(worstAt >= 0 ? e[worstAt] : 0)})");
        return worst;
    }
}
