using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Conv2d (zero padding): weight [out, in/groups, kH, kW], bias [out]; runs through <see cref="Conv2dPlan"/>.</summary>
public sealed class Conv2d : ConvolutionBase
{
    private Conv2dPlan? plan;

    /// <summary>Square kernel, stride, padding and dilation.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, int dilation = 1,
        int groups = 1, bool bias = true)
        : this(new Conv2dOptions(inChannels, outChannels, kernelSize, kernelSize, stride, stride, padding, padding, dilation, dilation, groups), bias)
    {
    }

    /// <summary>Any geometry, as (height, width) pairs in <paramref name="options"/>.</summary>
    public Conv2d(Conv2dOptions options, bool bias = true)
        : base(CreateWeight(options), bias ? Init.FanInUniform(FanIn(options), options.OutChannels) : null)
    {
        Options = options;
    }

    /// <summary>The geometry.</summary>
    public Conv2dOptions Options { get; }

    /// <inheritdoc />
    public override int OutChannels => Options.OutChannels;

    /// <inheritdoc />
    public override int InChannels => Options.InChannels;

    /// <inheritdoc />
    public override (int Height, int Width) OutputSize(int height, int width) => Options.OutputSize(height, width);

    /// <inheritdoc />
    public override string ToString() => $"Conv2d({Options})";

    private protected override void ScaleOutputChannels(Span<float> weight, ReadOnlySpan<float> scale)
    {
        var block = weight.Length / Options.OutChannels;
        for (var c = 0; c < Options.OutChannels; c++)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(weight.Slice(c * block, block), scale[c], weight.Slice(c * block, block));
        }
    }

    private protected override void RunPlan(ReadOnlySpan<float> input, int n, int h, int w, Span<float> output)
        => Plan().Forward(input, n, h, w, output);

    private protected override void DropPlan()
    {
        plan?.Dispose();
        plan = null;
    }

    private Conv2dPlan Plan()
    {
        if (plan is null)
        {
            var (weight, bias, epilogue) = EffectiveParameters();
            using (weight)
            using (bias)
            {
                plan = new Conv2dPlan(Options, weight.Span, bias is null ? [] : bias.Span, epilogue);
            }
        }
        return plan;
    }

    private static int FanIn(Conv2dOptions o) => o.InChannels / Math.Max(1, o.Groups) * o.KernelHeight * o.KernelWidth;

    private static Tensor CreateWeight(Conv2dOptions o)
    {
        o.Validate();
        return Init.FanInUniform(FanIn(o), o.OutChannels, o.InChannels / o.Groups, o.KernelHeight, o.KernelWidth);
    }
}
