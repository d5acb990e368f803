namespace PipelineSeg.Tensors.Tests.Kernels;

/// <summary>Random data and tolerant comparisons for kernel tests.</summary>
internal static class KernelAssert
{
    public static float[] Random(int length, int seed, float scale = 1f)
    {
        var rng = new Random(seed);
        var data = new float[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (float)(rng.NextDouble() * 2 - 1) * scale;
        }
        return data;
    }

    /// <summary>|actual − expected| ≤ tolerance · max(1, |expected|) everywhere; names the first bad index.</summary>
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float e = expected[i], a = actual[i];
            float err = MathF.Abs(a - e);
            if (!(err <= tolerance * MathF.Max(1f, MathF.Abs(e))))
            {
                Assert.Fail($"{what}: index {i}: expected {e}, got {a} (error {err})");
            }
        }
    }

    /// <summary>Every element outside [start, start+length) still holds the sentinel.</summary>
    public static void Untouched(ReadOnlySpan<float> buffer, int start, int length, float sentinel, string what)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            if ((i < start || i >= start + length) && !buffer[i].Equals(sentinel))
            {
                Assert.Fail($"{what}: wrote outside its output at index {i}");
            }
        }
    }
}
