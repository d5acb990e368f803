using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ConvTranspose2d: weight [in, out/groups, kH, kW], bias [out]; runs through <see cref="ConvTranspose2dPlan"/>.</summary>
public sealed class ConvTranspose2d : ConvolutionBase
{
    private ConvTranspose2dPlan? plan;
    private Dictionary<(int, int), ConvTranspose2dPlan>? sizedPlans;

    /// <summary>Square kernel, stride, padding, output padding and dilation.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0,
        int outputPadding = 0, int groups = 1, bool bias = true, int dilation = 1)
        : this(new ConvTranspose2dOptions(inChannels, outChannels, kernelSize, kernelSize, stride, stride, padding, padding,
            outputPadding, outputPadding, dilation, dilation, groups), bias)
    {
    }

    /// <summary>Any geometry, as (height, width) pairs in <paramref name="options"/>.</summary>
    public ConvTranspose2d(ConvTranspose2dOptions options, bool bias = true)
        : base(CreateWeight(options), bias ? Init.FanInUniform(FanIn(options), options.OutChannels) : null)
    {
        Options = options;
    }

    /// <summary>The geometry.</summary>
    public ConvTranspose2dOptions Options { get; }

    /// <inheritdoc />
    public override int OutChannels => Options.OutChannels;

    /// <inheritdoc />
    public override int InChannels => Options.InChannels;

    /// <inheritdoc />
    public override (int Height, int Width) OutputSize(int height, int width) => Options.OutputSize(height, width);

    /// <summary>
    /// PyTorch's <c>forward(input, output_size)</c>: picks the output padding that yields <paramref name="outputSize"/>
    /// (how U-Nets restore odd sizes); it must lie in [0, max(stride, dilation)).
    /// </summary>
    public Tensor Forward(Tensor input, (int Height, int Width) outputSize)
    {
        var (n, h, w) = CheckInput(input, InChannels);
        var baseOptions = Options with { OutputPaddingH = 0, OutputPaddingW = 0 };
        var (bh, bw) = baseOptions.OutputSize(h, w);
        var sized = Options with { OutputPaddingH = outputSize.Height - bh, OutputPaddingW = outputSize.Width - bw };
        if (sized.OutputPaddingH < 0 || sized.OutputPaddingW < 0
            || sized.OutputPaddingH >= Math.Max(Options.StrideH, Options.DilationH) || sized.OutputPaddingW >= Math.Max(Options.StrideW, Options.DilationW))
        {
            throw new ArgumentException($"ConvTranspose2d: output size {outputSize.Height}×{outputSize.Width} is not reachable from {input} (base output {bh}×{bw})", nameof(outputSize));
        }
        if (sized == Options)
        {
            return Forward(input);
        }
        var output = Tensor.Empty(n, Options.OutChannels, outputSize.Height, outputSize.Width);
        try
        {
            using (EnterPlan())
            {
                SizedPlan(sized).Forward(input.Span, n, h, w, output.Span);
            }
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"ConvTranspose2d({Options})";

    private protected override void ScaleOutputChannels(Span<float> weight, ReadOnlySpan<float> scale)
    {
        // weight[ic, j, :, :] feeds output channel (ic / inPerGroup) * outPerGroup + j.
        var inPerGroup = Options.InChannels / Options.Groups;
        var outPerGroup = Options.OutChannels / Options.Groups;
        var kernel = Options.KernelHeight * Options.KernelWidth;
        for (var ic = 0; ic < Options.InChannels; ic++)
        {
            for (var j = 0; j < outPerGroup; j++)
            {
                var c = ic / inPerGroup * outPerGroup + j;
                var block = weight.Slice((ic * outPerGroup + j) * kernel, kernel);
                System.Numerics.Tensors.TensorPrimitives.Multiply(block, scale[c], block);
            }
        }
    }

    private protected override void RunPlan(ReadOnlySpan<float> input, int n, int h, int w, Span<float> output)
        => Plan().Forward(input, n, h, w, output);

    private protected override void DropPlan()
    {
        plan?.Dispose();
        plan = null;
        foreach (var p in sizedPlans?.Values ?? Enumerable.Empty<ConvTranspose2dPlan>())
        {
            p.Dispose();
        }
        sizedPlans = null;
    }

    private ConvTranspose2dPlan SizedPlan(ConvTranspose2dOptions sized)
    {
        sizedPlans ??= [];
        var key = (sized.OutputPaddingH, sized.OutputPaddingW);
        if (!sizedPlans.TryGetValue(key, out var p))
        {
            var (weight, bias, epilogue) = EffectiveParameters();
            using (weight)
            using (bias)
            {
                p = new ConvTranspose2dPlan(sized, weight.Span, bias is null ? [] : bias.Span, epilogue);
            }
            sizedPlans.Add(key, p);
        }
        return p;
    }

    private ConvTranspose2dPlan Plan()
    {
        if (plan is null)
        {
            var (weight, bias, epilogue) = EffectiveParameters();
            using (weight)
            using (bias)
            {
                plan = new ConvTranspose2dPlan(Options, weight.Span, bias is null ? [] : bias.Span, epilogue);
            }
        }
        return plan;
    }

    // PyTorch computes fan_in from weight.size(1) * kH * kW for transposed convolutions.
    private static int FanIn(ConvTranspose2dOptions o) => o.OutChannels / Math.Max(1, o.Groups) * o.KernelHeight * o.KernelWidth;

    private static Tensor CreateWeight(ConvTranspose2dOptions o)
    {
        o.Validate();
        return Init.FanInUniform(FanIn(o), o.InChannels, o.OutChannels / o.Groups, o.KernelHeight, o.KernelWidth);
    }
}
