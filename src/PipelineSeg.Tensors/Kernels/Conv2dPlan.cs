namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// A convolution with its weights packed once (after BN folding) and reused for every forward. 3×3 stride-1
/// convolutions use Winograd F(4×4, 3×3); 1×1 stride-1 convolutions are a plain GEMM on the input planes; depthwise
/// ones are computed directly per plane; all others pack patches straight from the input (implicit im2col). Bias and
/// activation are fused into the GEMM.
/// Not thread-safe: one forward at a time per plan.
/// </summary>
public sealed unsafe class Conv2dPlan : IDisposable
{
    private readonly Conv2dOptions options;
    private readonly Epilogue epilogue;
    private readonly AlignedBuffer packedWeights;
    private readonly AlignedBuffer? paddedBias;
    private readonly long groupWeightStride;
    private readonly int groupBiasStride;
    private readonly GemmJob job;
    private readonly PanelSource source;
    private readonly bool pointwise;
    private readonly WinogradConvolution? winograd;
    private readonly DepthwiseConvolution? depthwise;
    private bool disposed;

    /// <summary>Prepares the plan; <paramref name="weight"/> is [OutC, InC/groups, kH, kW], <paramref name="bias"/> [OutC] or empty.</summary>
    public Conv2dPlan(Conv2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue)
        : this(options, weight, bias, epilogue, MicroKernel.Best, allowWinograd: true, wideWinograd: true)
    {
    }

    /// <summary>Tests pick the micro-kernel, whether Winograd may be used and whether its 16-tile AVX-512 transforms may.</summary>
    internal Conv2dPlan(Conv2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue,
        MicroKernel kernel, bool allowWinograd, bool wideWinograd)
    {
        options.Validate();
        int icg = options.InChannels / options.Groups, ocg = options.OutChannels / options.Groups;
        int k = icg * options.KernelHeight * options.KernelWidth;
        ConvShapes.CheckParameters("Conv2d", options, weight.Length, options.OutChannels * k, bias.Length, options.OutChannels);
        this.options = options;
        this.epilogue = epilogue;
        pointwise = options is { KernelHeight: 1, KernelWidth: 1, StrideH: 1, StrideW: 1, PadH: 0, PadW: 0 };
        if (DepthwiseConvolution.Suits(options))
        {
            depthwise = new DepthwiseConvolution(options, weight, bias, epilogue);
        }
        else if (allowWinograd && WinogradConvolution.Suits(options))
        {
            winograd = new WinogradConvolution(options, weight, epilogue, kernel, wideWinograd);
        }
        groupWeightStride = winograd is null && depthwise is null ? PackA.Size(ocg, k, kernel.MR) : 0;
        packedWeights = new AlignedBuffer(groupWeightStride * options.Groups);
        fixed (float* w = weight)
        {
            for (int g = 0; g < options.Groups && groupWeightStride > 0; g++)
            {
                PackA.Pack(false, w + (long)g * ocg * k, k, ocg, k, kernel.MR, packedWeights.Pointer + g * groupWeightStride);
            }
        }
        groupBiasStride = PackA.PaddedRows(ocg, kernel.MR);
        if (!bias.IsEmpty || epilogue.Activation != FusedActivation.None)
        {
            paddedBias = new AlignedBuffer((long)groupBiasStride * options.Groups);
            for (int g = 0; g < options.Groups && !bias.IsEmpty; g++)
            {
                bias.Slice(g * ocg, ocg).CopyTo(new Span<float>(paddedBias.Pointer + g * groupBiasStride, ocg));
            }
        }
        job = new GemmJob(kernel) { M = ocg, K = k, Epilogue = epilogue };
        source = pointwise ? new MatrixPanelSource() : new Im2colPanelSource(options);
    }

    /// <summary>The convolution's geometry.</summary>
    public Conv2dOptions Options => options;

    /// <summary>The fused epilogue.</summary>
    public Epilogue Epilogue => epilogue;

    /// <summary>Output size for an input of the given size.</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) => options.OutputSize(inHeight, inWidth);

    /// <summary>Runs the convolution: input [N, InC, H, W] → output [N, OutC, OH, OW]; writes only that range of <paramref name="output"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        var (oh, ow) = OutputSize(inHeight, inWidth);
        ConvShapes.Check("Conv2d", input.Length, (long)batch * options.InChannels * inHeight * inWidth,
            output.Length, (long)batch * options.OutChannels * oh * ow, oh, ow);
        ObjectDisposedException.ThrowIf(disposed, this);
        int icg = options.InChannels / options.Groups, ocg = options.OutChannels / options.Groups;
        long inPlane = (long)inHeight * inWidth, outPlane = (long)oh * ow;
        fixed (float* pin = input, pout = output)
        {
            if (depthwise is not null)
            {
                depthwise.Forward(pin, batch, inHeight, inWidth, pout, KernelThreading.MaxThreads);
                return;
            }
            if (winograd is not null)
            {
                for (int n = 0; n < batch; n++)
                {
                    winograd.Forward(pin + n * options.InChannels * inPlane, inHeight, inWidth,
                        pout + n * options.OutChannels * outPlane, paddedBias is null ? null : paddedBias.Pointer, KernelThreading.MaxThreads);
                }
                return;
            }
            try
            {
                for (int n = 0; n < batch; n++)
                {
                    for (int g = 0; g < options.Groups; g++)
                    {
                        float* x = pin + (n * (long)options.InChannels + g * icg) * inPlane;
                        if (source is MatrixPanelSource matrix)
                        {
                            matrix.B = x;
                            matrix.Ldb = (int)inPlane;
                        }
                        else
                        {
                            var patches = (Im2colPanelSource)source;
                            patches.Input = x;
                            patches.Height = inHeight;
                            patches.Width = inWidth;
                            patches.OutHeight = oh;
                            patches.OutWidth = ow;
                        }
                        job.PackedA = packedWeights.Pointer + g * groupWeightStride;
                        job.Bias = paddedBias is null ? null : paddedBias.Pointer + g * groupBiasStride;
                        job.N = (int)outPlane;
                        job.Source = source;
                        job.C = pout + (n * (long)options.OutChannels + g * ocg) * outPlane;
                        job.Ldc = (int)outPlane;
                        job.Run(KernelThreading.MaxThreads);
                    }
                }
            }
            finally
            {
                job.C = null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        disposed = true;
        packedWeights.Dispose();
        paddedBias?.Dispose();
        winograd?.Dispose();
        depthwise?.Dispose();
    }
}
