using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Tests.Kernels;

public class Conv2dPlanTests
{
    public static TheoryData<Conv2dOptions, int, int, int, FusedActivation, bool> Cases() => new()
    {
        { new Conv2dOptions(1, 1, 1, 1), 1, 1, 1, FusedActivation.None, false },
        { new Conv2dOptions(3, 5, 1, 1), 7, 9, 2, FusedActivation.Relu, true },
        { new Conv2dOptions(4, 9, 3, 3, PadH: 1, PadW: 1), 11, 13, 1, FusedActivation.Relu, true },
        { new Conv2dOptions(5, 17, 3, 3, PadH: 1, PadW: 1), 33, 31, 1, FusedActivation.LeakyRelu, true },
        { new Conv2dOptions(3, 8, 3, 3), 6, 35, 2, FusedActivation.None, false },
        { new Conv2dOptions(6, 7, 3, 3, StrideH: 2, StrideW: 2, PadH: 1, PadW: 1), 17, 15, 1, FusedActivation.Sigmoid, true },
        { new Conv2dOptions(4, 6, 3, 3, PadH: 2, PadW: 2, DilationH: 2, DilationW: 2), 12, 10, 1, FusedActivation.Tanh, true },
        { new Conv2dOptions(6, 9, 5, 3, StrideH: 1, StrideW: 3, PadH: 2, PadW: 0, Groups: 3), 13, 14, 2, FusedActivation.Relu, true },
        { new Conv2dOptions(8, 8, 3, 3, PadH: 1, PadW: 1, Groups: 8), 9, 9, 1, FusedActivation.None, true },
        { new Conv2dOptions(2, 3, 7, 7, StrideH: 2, StrideW: 2, PadH: 3, PadW: 3), 19, 23, 1, FusedActivation.None, true },
        { new Conv2dOptions(4, 4, 2, 2, StrideH: 2, StrideW: 2), 8, 9, 1, FusedActivation.LeakyRelu, false },
        { new Conv2dOptions(300, 3, 1, 1), 5, 5, 1, FusedActivation.None, true },
        { new Conv2dOptions(40, 33, 3, 3, PadH: 1, PadW: 1), 16, 16, 1, FusedActivation.Relu, true },
        { new Conv2dOptions(16, 8, 3, 3, PadH: 1, PadW: 1), 37, 29, 1, FusedActivation.LeakyRelu, true },
        { new Conv2dOptions(8, 12, 3, 3), 9, 41, 2, FusedActivation.Sigmoid, false },
        { new Conv2dOptions(8, 8, 3, 3, PadH: 1, PadW: 1), 10, 75, 1, FusedActivation.Relu, true },
        { new Conv2dOptions(9, 10, 3, 3, PadH: 1, PadW: 1), 8, 64, 1, FusedActivation.None, false },
        { new Conv2dOptions(12, 9, 3, 3, PadH: 1, PadW: 1), 9, 150, 1, FusedActivation.Relu, true },
        { new Conv2dOptions(6, 12, 3, 3, StrideH: 2, StrideW: 2, PadH: 1, PadW: 1, Groups: 6), 11, 13, 2, FusedActivation.LeakyRelu, true },
        { new Conv2dOptions(5, 5, 5, 3, StrideH: 1, StrideW: 1, PadH: 4, PadW: 1, DilationH: 2, DilationW: 3, Groups: 5), 9, 12, 1, FusedActivation.Relu, false },
        { new Conv2dOptions(4, 4, 3, 3, StrideW: 3, PadW: 5, Groups: 4), 7, 4, 1, FusedActivation.None, true },
        { new Conv2dOptions(270, 9, 3, 3, PadH: 2, PadW: 0), 6, 7, 1, FusedActivation.None, true },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Every_path_matches_the_reference(Conv2dOptions o, int h, int w, int batch, FusedActivation act, bool withBias)
    {
        var epilogue = new Epilogue(act, 0.1f);
        int fanIn = o.InChannels / o.Groups * o.KernelHeight * o.KernelWidth;
        var weight = KernelAssert.Random(o.OutChannels * fanIn, 5, 1f / MathF.Sqrt(fanIn));
        var bias = withBias ? KernelAssert.Random(o.OutChannels, 6) : [];
        var input = KernelAssert.Random(batch * o.InChannels * h * w, 7);
        var (oh, ow) = o.OutputSize(h, w);
        var expected = new float[batch * o.OutChannels * oh * ow];
        Conv2dReference.Forward(o, weight, bias, epilogue, input, batch, h, w, expected);
        foreach (var kernel in MicroKernel.All)
        {
            foreach (var (winograd, wide) in new[] { (false, false), (true, false), (true, true) })
            {
                using var plan = new Conv2dPlan(o, weight, bias, epilogue, kernel, winograd, wide);
                Assert.Equal((oh, ow), plan.OutputSize(h, w));
                var actual = new float[expected.Length];
                Array.Fill(actual, float.NaN);
                plan.Forward(input, batch, h, w, actual);
                KernelAssert.Close(expected, actual, 1e-4f, $"{kernel.Path} winograd={winograd} wide={wide} {o}");
            }
        }
    }

    [SkippableFact]
    public void Writes_only_its_channel_range_of_a_concat_buffer()
    {
        var o = new Conv2dOptions(9, 5, 3, 3, PadH: 1, PadW: 1);
        const int h = 10, w = 13, before = 2, after = 3;
        var weight = KernelAssert.Random(5 * 9 * 9, 8);
        var bias = KernelAssert.Random(5, 9);
        var input = KernelAssert.Random(9 * h * w, 10);
        var expected = new float[5 * h * w];
        Conv2dReference.Forward(o, weight, bias, new Epilogue(FusedActivation.Relu), input, 1, h, w, expected);
        foreach (var kernel in MicroKernel.All)
        {
            using var plan = new Conv2dPlan(o, weight, bias, new Epilogue(FusedActivation.Relu), kernel, allowWinograd: true, wideWinograd: true);
            var concat = new float[(before + 5 + after) * h * w];
            Array.Fill(concat, -7f);
            plan.Forward(input, 1, h, w, concat.AsSpan(before * h * w, 5 * h * w));
            KernelAssert.Close(expected, concat.AsSpan(before * h * w, 5 * h * w), 1e-4f, $"{kernel.Path} slice");
            KernelAssert.Untouched(concat, before * h * w, 5 * h * w, -7f, $"{kernel.Path} slice");
        }
    }

    [SkippableFact]
    public void Rejects_wrong_weight_size_and_small_output()
    {
        var o = new Conv2dOptions(2, 3, 3, 3);
        var weight = Assert.Throws<ArgumentException>(() => new Conv2dPlan(o, new float[5], [], default));
        Assert.Equal("weight", weight.ParamName);
        Assert.Contains("weight has 5 elements, expected 54", weight.Message, StringComparison.Ordinal);
        var bias = Assert.Throws<ArgumentException>(() => new Conv2dPlan(o, new float[54], new float[2], default));
        Assert.Equal("bias", bias.ParamName);
        using var plan = new Conv2dPlan(o, new float[54], [], default);
        Assert.Throws<ArgumentException>(() => plan.Forward(new float[2 * 5 * 5], 1, 5, 5, new float[3 * 3 * 3 - 1]));
        Assert.Throws<ArgumentException>(() => plan.Forward(new float[2 * 5 * 5 - 1], 1, 5, 5, new float[3 * 3 * 3]));
        Assert.Throws<ArgumentException>(() => plan.Forward(new float[2 * 2 * 2], 1, 2, 2, new float[3]));
    }
}
