using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Nn;

/// <summary>
/// What Conv2d and ConvTranspose2d share: the <c>weight</c>/<c>bias</c> parameters, a prepared kernel plan built on
/// first use, and eval-mode fusion of a following BatchNorm2d (folded into weight and bias) and activation (applied in
/// the kernel's epilogue).
/// </summary>
public abstract class ConvolutionBase : Module
{
    private Epilogue epilogue;
    private int busy;

    /// <summary>Registers <c>weight</c> and <c>bias</c> in PyTorch's order.</summary>
    private protected ConvolutionBase(Tensor weight, Tensor? bias)
    {
        Weight = RegisterParameter("weight", weight)!;
        Bias = RegisterParameter("bias", bias);
    }

    /// <summary>The <c>weight</c> parameter.</summary>
    public Tensor Weight { get; }

    /// <summary>The <c>bias</c> parameter, or null when built with bias: false.</summary>
    public Tensor? Bias { get; }

    /// <summary>Output channels (what a fused BatchNorm2d must normalize).</summary>
    public abstract int OutChannels { get; }

    /// <summary>Input channels (what dimension 1 of the input must be).</summary>
    public abstract int InChannels { get; }

    /// <summary>Output height and width for an input of the given size.</summary>
    public abstract (int Height, int Width) OutputSize(int height, int width);

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var (n, h, w) = CheckInput(input, InChannels);
        var (oh, ow) = OutputSize(h, w);
        var output = Tensor.Empty(n, OutChannels, oh, ow);
        try
        {
            using (EnterPlan())
            {
                RunPlan(input.Span, n, h, w, output.Span);
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
    public override void ForwardInto(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (n, h, w) = CheckInput(input, InChannels);
        var (oh, ow) = OutputSize(h, w);
        if (!output.HasShape(n, OutChannels, oh, ow))
        {
            throw new ArgumentException($"{GetType().Name}: output buffer is {output}, expected [{n}, {OutChannels}, {oh}, {ow}]", nameof(output));
        }
        using (EnterPlan())
        {
            RunPlan(input.Span, n, h, w, output.Span);
        }
    }

    /// <summary>The BatchNorm2d folded into this convolution, if any.</summary>
    public BatchNorm2d? FusedBatchNorm { get; private set; }

    /// <summary>The activation module applied in this convolution's epilogue, if any.</summary>
    public Module? FusedActivationModule { get; private set; }

    /// <summary>True while fusion applies: fused modules are only skipped in eval mode.</summary>
    internal bool FusionActive => !Training && (FusedBatchNorm is not null || FusedActivationModule is not null);

    internal void SetFusion(BatchNorm2d? batchNorm, Module? activation, Epilogue fused)
    {
        FusedBatchNorm = batchNorm;
        FusedActivationModule = activation;
        epilogue = fused;
        DropPlan();
    }

    /// <summary>Weight and bias with the fused BatchNorm folded in (eval mode) and the epilogue to apply.</summary>
    private protected (Tensor Weight, Tensor? Bias, Epilogue Epilogue) EffectiveParameters()
    {
        if (!FusionActive)
        {
            return (Weight.Share(), Bias?.Share(), default);
        }
        if (FusedBatchNorm is null)
        {
            return (Weight.Share(), Bias?.Share(), epilogue);
        }
        var (scale, shift) = FusedBatchNorm.ScaleAndShift();
        var weight = Weight.Clone();
        ScaleOutputChannels(weight.Span, scale);
        var bias = Tensor.Empty(OutChannels);
        for (var c = 0; c < OutChannels; c++)
        {
            var b = Bias is null ? 0f : Bias.Span[c];
            bias.Span[c] = b * scale[c] + shift[c];
        }
        return (weight, bias, epilogue);
    }

    /// <summary>Multiplies every weight contributing to output channel c by scale[c].</summary>
    private protected abstract void ScaleOutputChannels(Span<float> weight, ReadOnlySpan<float> scale);

    /// <summary>
    /// Runs the prepared plan (built on first use) over input [n, InChannels, h, w] into output
    /// [n, OutChannels, OutputSize(h, w)]; the caller holds <see cref="EnterPlan"/>.
    /// </summary>
    private protected abstract void RunPlan(ReadOnlySpan<float> input, int n, int h, int w, Span<float> output);

    /// <summary>Disposes the prepared plan so the next forward rebuilds it.</summary>
    private protected abstract void DropPlan();

    /// <inheritdoc />
    protected override void OnStateChanged() => DropPlan();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DropPlan();
        }
        base.Dispose(disposing);
    }

    /// <summary>
    /// Marks the prepared plan busy; its scratch memory serves one call at a time, so concurrent use of one model
    /// instance fails loudly instead of corrupting results. Dispose the returned guard when the call ends.
    /// </summary>
    private protected PlanGuard EnterPlan() => new(this);

    /// <summary>Checks a 4-D input with the expected channel count.</summary>
    private protected (int N, int H, int W) CheckInput(Tensor input, int channels)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != channels)
        {
            throw new ArgumentException($"{GetType().Name}: expected input [N, {channels}, H, W], got {input}", nameof(input));
        }
        return (input.Shape[0], input.Shape[2], input.Shape[3]);
    }

    /// <summary>Scope of one plan call.</summary>
    private protected readonly ref struct PlanGuard
    {
        private readonly ConvolutionBase owner;

        public PlanGuard(ConvolutionBase owner)
        {
            if (Interlocked.Exchange(ref owner.busy, 1) != 0)
            {
                throw new InvalidOperationException(
                    $"{owner}: Forward called from two threads at once; a module instance runs one forward at a time (use one model instance per thread)");
            }
            this.owner = owner;
        }

        public void Dispose() => Volatile.Write(ref owner.busy, 0);
    }
}
