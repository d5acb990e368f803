namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// A transposed convolution with its weights packed once: a GEMM (ocg·kH·kW × input pixels) followed by a
/// scatter. When kernel footprints do not overlap (stride ≥ footprint, the U-Net 2×2 stride-2 case) the scatter is
/// fused per chunk and writes final values; otherwise a column matrix is summed into the output (col2im).
/// Not thread-safe: one forward at a time per plan.
/// </summary>
public sealed unsafe class ConvTranspose2dPlan : IDisposable
{
    private readonly ConvTranspose2dOptions options;
    private readonly Epilogue epilogue;
    private readonly AlignedBuffer packedWeights;
    private readonly AlignedBuffer? bias;
    private readonly AlignedBuffer columns = new();
    private readonly long groupWeightStride;
    private readonly GemmJob job;
    private readonly MatrixPanelSource source = new();
    private readonly TransposedScatterWork scatter;
    private readonly Col2imWork col2im;
    private readonly bool disjoint;
    private readonly bool covered;

    /// <summary>Prepares the plan; <paramref name="weight"/> is [InC, OutC/groups, kH, kW], <paramref name="bias"/> [OutC] or empty.</summary>
    public ConvTranspose2dPlan(ConvTranspose2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue)
        : this(options, weight, bias, epilogue, MicroKernel.Best)
    {
    }

    internal ConvTranspose2dPlan(ConvTranspose2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias,
        Epilogue epilogue, MicroKernel kernel)
    {
        options.Validate();
        int icg = options.InChannels / options.Groups, ocg = options.OutChannels / options.Groups;
        int m = ocg * options.KernelHeight * options.KernelWidth;
        ConvShapes.CheckParameters("ConvTranspose2d", options, weight.Length, options.InChannels * m, bias.Length, options.OutChannels);
        this.options = options;
        this.epilogue = epilogue;
        groupWeightStride = PackA.Size(m, icg, kernel.MR);
        packedWeights = new AlignedBuffer(groupWeightStride * options.Groups);
        fixed (float* w = weight)
        {
            for (int g = 0; g < options.Groups; g++)
            {
                PackA.Pack(true, w + (long)g * icg * m, m, m, icg, kernel.MR, packedWeights.Pointer + g * groupWeightStride);
            }
        }
        if (!bias.IsEmpty)
        {
            this.bias = new AlignedBuffer(options.OutChannels);
            bias.CopyTo(new Span<float>(this.bias.Pointer, options.OutChannels));
        }
        job = new GemmJob(kernel) { M = m, K = icg, Source = source };
        disjoint = options.DilationH * (options.KernelHeight - 1) < options.StrideH
            && options.DilationW * (options.KernelWidth - 1) < options.StrideW;
        // Disjoint footprints that also tile the output without gaps or padding write every output element.
        covered = disjoint && options is { PadH: 0, PadW: 0, OutputPaddingH: 0, OutputPaddingW: 0 }
            && options.DilationH * (options.KernelHeight - 1) + 1 == options.StrideH
            && options.DilationW * (options.KernelWidth - 1) + 1 == options.StrideW;
        scatter = new TransposedScatterWork(options, job) { Epilogue = epilogue };
        col2im = new Col2imWork(options) { Epilogue = epilogue };
    }

    /// <summary>The transposed convolution's geometry.</summary>
    public ConvTranspose2dOptions Options => options;

    /// <summary>Output size for an input of the given size.</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) => options.OutputSize(inHeight, inWidth);

    /// <summary>Runs it: input [N, InC, H, W] → output [N, OutC, OH, OW]; writes only that range of <paramref name="output"/>.</summary>
    public void Forward(ReadOnlySpan<float> input, int batch, int inHeight, int inWidth, Span<float> output)
    {
        var (oh, ow) = OutputSize(inHeight, inWidth);
        ConvShapes.Check("ConvTranspose2d", input.Length, (long)batch * options.InChannels * inHeight * inWidth,
            output.Length, (long)batch * options.OutChannels * oh * ow, oh, ow);
        ObjectDisposedException.ThrowIf(packedWeights.Pointer == null, this);
        int icg = options.InChannels / options.Groups, ocg = options.OutChannels / options.Groups;
        long inPlane = (long)inHeight * inWidth, outPlane = (long)oh * ow;
        int threads = KernelThreading.MaxThreads;
        fixed (float* pin = input, pout = output)
        {
            for (int n = 0; n < batch; n++)
            {
                for (int g = 0; g < options.Groups; g++)
                {
                    float* y = pout + (n * (long)options.OutChannels + g * ocg) * outPlane;
                    float* b = bias is null ? null : bias.Pointer + g * ocg;
                    source.B = pin + (n * (long)options.InChannels + g * icg) * inPlane;
                    source.Ldb = (int)inPlane;
                    job.PackedA = packedWeights.Pointer + g * groupWeightStride;
                    job.N = (int)inPlane;
                    if (disjoint)
                    {
                        if (!covered)
                        {
                            FillWithActivatedBias(y, b, ocg, outPlane);
                        }
                        scatter.Output = y;
                        scatter.Bias = b;
                        scatter.InWidth = inWidth;
                        scatter.OutHeight = oh;
                        scatter.OutWidth = ow;
                        scatter.Run(threads);
                    }
                    else
                    {
                        job.C = columns.Ensure((long)job.M * inPlane);
                        job.Ldc = (int)inPlane;
                        job.Run(threads);
                        col2im.Columns = job.C;
                        col2im.Output = y;
                        col2im.Bias = b;
                        col2im.InHeight = inHeight;
                        col2im.InWidth = inWidth;
                        col2im.OutHeight = oh;
                        col2im.OutWidth = ow;
                        WorkerPool.Run(col2im, ocg, threads);
                    }
                }
            }
            source.B = null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        packedWeights.Dispose();
        bias?.Dispose();
        columns.Dispose();
    }

    private void FillWithActivatedBias(float* y, float* b, int channels, long plane)
    {
        for (int c = 0; c < channels; c++)
        {
            new Span<float>(y + c * plane, (int)plane).Fill(ActivationMath.Apply(b == null ? 0f : b[c], epilogue));
        }
    }
}
