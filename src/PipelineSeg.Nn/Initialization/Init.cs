using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>
/// Default parameter initialization, with PyTorch's distributions (kaiming_uniform with a = √5, i.e. U(±1/√fan_in)) from
/// a seeded generator so that models built without a checkpoint (benchmarks, tests) are reproducible.
/// </summary>
public static class Init
{
    private static readonly Lock Gate = new();
    private static Random random = new(0);

    /// <summary>Reseeds the generator, like <c>torch.manual_seed</c>.</summary>
    public static void ManualSeed(int seed)
    {
        lock (Gate)
        {
            random = new Random(seed);
        }
    }

    /// <summary>Fills <paramref name="tensor"/> from U(-bound, bound).</summary>
    public static void Uniform(Tensor tensor, float bound)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var span = tensor.Span;
        lock (Gate)
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (float)((random.NextDouble() * 2 - 1) * bound);
            }
        }
    }

    /// <summary>A new tensor of the given shape from U(±1/√fan_in).</summary>
    internal static Tensor FanInUniform(int fanIn, params ReadOnlySpan<int> shape)
    {
        var t = Tensor.Empty(shape);
        Uniform(t, fanIn > 0 ? 1f / MathF.Sqrt(fanIn) : 0f);
        return t;
    }
}
