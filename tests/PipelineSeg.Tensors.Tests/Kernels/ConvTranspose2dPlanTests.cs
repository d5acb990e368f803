using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Tensors.Tests.Kernels;

public class ConvTranspose2dPlanTests
{
    public static TheoryData<ConvTranspose2dOptions, int, int, int, FusedActivation, bool> Cases() => new()
    {
        { new ConvTranspose2dOptions(1, 1, 1, 1), 1, 1, 1, FusedActivation.None, false },
        { new ConvTranspose2dOptions(8, 4, 2, 2, StrideH: 2, StrideW: 2), 5, 7, 2, FusedActivation.None, true },
        { new ConvTranspose2dOptions(33, 17, 2, 2, StrideH: 2, StrideW: 2), 9, 8, 1, FusedActivation.Relu, true },
        { new ConvTranspose2dOptions(3, 5, 3, 3, StrideH: 2, StrideW: 2, PadH: 1, PadW: 1, OutputPaddingH: 1, OutputPaddingW: 1), 6, 7, 1, FusedActivation.LeakyRelu, true },
        { new ConvTranspose2dOptions(4, 6, 3, 3), 5, 5, 2, FusedActivation.Sigmoid, true },
        { new ConvTranspose2dOptions(4, 6, 3, 2, StrideH: 1, StrideW: 3, PadH: 1, DilationH: 2, Groups: 2), 6, 5, 1, FusedActivation.Tanh, true },
        { new ConvTranspose2dOptions(6, 3, 2, 2, StrideH: 3, StrideW: 3, PadH: 1, PadW: 0, OutputPaddingW: 2), 4, 5, 1, FusedActivation.Relu, true },
        { new ConvTranspose2dOptions(4, 4, 4, 4, StrideH: 2, StrideW: 2, PadH: 1, PadW: 1, Groups: 4), 7, 6, 1, FusedActivation.None, false },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Every_path_matches_the_reference(ConvTranspose2dOptions o, int h, int w, int batch, FusedActivation act, bool withBias)
    {
        var epilogue = new Epilogue(act, 0.2f);
        var weight = KernelAssert.Random(o.InChannels * (o.OutChannels / o.Groups) * o.KernelHeight * o.KernelWidth, 11, 0.5f);
        var bias = withBias ? KernelAssert.Random(o.OutChannels, 12) : [];
        var input = KernelAssert.Random(batch * o.InChannels * h * w, 13);
        var (oh, ow) = o.OutputSize(h, w);
        var expected = new float[batch * o.OutChannels * oh * ow];
        ConvTranspose2dReference.Forward(o, weight, bias, epilogue, input, batch, h, w, expected);
        foreach (var kernel in MicroKernel.All)
        {
            using var plan = new ConvTranspose2dPlan(o, weight, bias, epilogue, kernel);
            var actual = new float[expected.Length];
            Array.Fill(actual, float.NaN);
            plan.Forward(input, batch, h, w, actual);
            KernelAssert.Close(expected, actual, 1e-4f, $"{kernel.Path} {o}");
        }
    }

    [SkippableFact]
    public void Writes_only_its_channel_range_of_a_concat_buffer()
    {
        var o = new ConvTranspose2dOptions(6, 4, 2, 2, StrideH: 2, StrideW: 2);
        const int h = 5, w = 6, oh = 10, ow = 12, before = 4, after = 1;
        var weight = KernelAssert.Random(6 * 4 * 4, 14);
        var bias = KernelAssert.Random(4, 15);
        var input = KernelAssert.Random(6 * h * w, 16);
        var expected = new float[4 * oh * ow];
        ConvTranspose2dReference.Forward(o, weight, bias, default, input, 1, h, w, expected);
        using var plan = new ConvTranspose2dPlan(o, weight, bias, default);
        var concat = new float[(before + 4 + after) * oh * ow];
        Array.Fill(concat, -3f);
        plan.Forward(input, 1, h, w, concat.AsSpan(before * oh * ow, 4 * oh * ow));
        KernelAssert.Close(expected, concat.AsSpan(before * oh * ow, 4 * oh * ow), 1e-4f, "slice");
        KernelAssert.Untouched(concat, before * oh * ow, 4 * oh * ow, -3f, "slice");
    }

    [SkippableFact]
    public void Rejects_wrong_weight_or_bias_size_and_small_buffers()
    {
        var o = new ConvTranspose2dOptions(2, 3, 2, 2, StrideH: 2, StrideW: 2);
        var weight = Assert.Throws<ArgumentException>(() => new ConvTranspose2dPlan(o, new float[23], [], default));
        Assert.Equal("weight", weight.ParamName);
        Assert.Contains("weight has 23 elements, expected 24", weight.Message, StringComparison.Ordinal);
        var bias = Assert.Throws<ArgumentException>(() => new ConvTranspose2dPlan(o, new float[24], new float[4], default));
        Assert.Equal("bias", bias.ParamName);
        using var plan = new ConvTranspose2dPlan(o, new float[24], new float[3], default);
        Assert.Throws<ArgumentException>(() => plan.Forward(new float[2 * 4 * 4], 1, 4, 4, new float[3 * 8 * 8 - 1]));
        Assert.Throws<ArgumentException>(() => plan.Forward(new float[2 * 4 * 4 - 1], 1, 4, 4, new float[3 * 8 * 8]));
    }
}
