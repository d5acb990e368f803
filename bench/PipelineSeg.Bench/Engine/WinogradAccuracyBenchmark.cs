using System.Globalization;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Bench.Engine;

/// <summary>
/// Max abs error of the fast 3×3 paths (Winograd F(4×4,3×3) and im2col GEMM) against the double-precision reference,
/// on U-Net-like layers: PyTorch-default weights U(±1/√fan_in), inputs post-ReLU N(0,1)-like in [0, 2).
/// </summary>
internal sealed class WinogradAccuracyBenchmark : IBenchmark
{
    public string Name => "winograd-accuracy";

    public string Description => "3x3 conv error vs reference: --size 24 (channels 32..512, base-32 U-Net widths)";

    public int Run(string[] args)
    {
        var o = new BenchOptions(args);
        int size = o.Int("size", 24);
        foreach (var (cin, cout) in new[] { (32, 32), (64, 32), (64, 64), (128, 128), (256, 256), (512, 256), (512, 512) })
        {
            var options = new Conv2dOptions(cin, cout, 3, 3, PadH: 1, PadW: 1);
            var rng = new Random(cin * 1000 + cout);
            float bound = 1f / MathF.Sqrt(cin * 9);
            var weight = new float[cout * cin * 9];
            var bias = new float[cout];
            var input = new float[cin * size * size];
            for (int i = 0; i < weight.Length; i++)
            {
                weight[i] = (float)(rng.NextDouble() * 2 - 1) * bound;
            }
            for (int i = 0; i < input.Length; i++)
            {
                input[i] = (float)(rng.NextDouble() * 2);
            }
            var expected = new float[cout * size * size];
            Conv2dReference.Forward(options, weight, bias, default, input, 1, size, size, expected);
            float winograd = MaxError(new Conv2dPlan(options, weight, bias, default, MicroKernel.Best, true, true), input, size, expected);
            float gemm = MaxError(new Conv2dPlan(options, weight, bias, default, MicroKernel.Best, false, false), input, size, expected);
            float scale = expected.Max(MathF.Abs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"3x3 {cin,3}->{cout,3} {size}x{size}: max |y| {scale:F2}, max abs error Winograd {winograd:E2}, im2col GEMM {gemm:E2}"));
        }
        return 0;
    }

    private static float MaxError(Conv2dPlan plan, float[] input, int size, float[] expected)
    {
        using (plan)
        {
            var actual = new float[expected.Length];
            plan.Forward(input, 1, size, size, actual);
            float max = 0;
            for (int i = 0; i < actual.Length; i++)
            {
                max = MathF.Max(max, MathF.Abs(actual[i] - expected[i]));
            }
            return max;
        }
    }
}
