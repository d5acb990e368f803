using System.Numerics.Tensors;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Depthwise convolution (one input channel per group): a GEMM per group would be 1 row tall, so each output plane
/// is computed directly, one plane per task, as shifted multiply-adds of whole input rows.
/// </summary>
internal sealed unsafe class DepthwiseConvolution : IParallelWork, IDisposable
{
    private readonly Conv2dOptions o;
    private readonly Epilogue epilogue;
    private readonly AlignedBuffer weights;
    private readonly AlignedBuffer? bias;
    private float* input;
    private float* output;
    private int height, width, outHeight, outWidth;

    public DepthwiseConvolution(Conv2dOptions options, ReadOnlySpan<float> weight, ReadOnlySpan<float> bias, Epilogue epilogue)
    {
        o = options;
        this.epilogue = epilogue;
        weights = new AlignedBuffer(weight.Length);
        weight.CopyTo(new Span<float>(weights.Pointer, weight.Length));
        if (!bias.IsEmpty)
        {
            this.bias = new AlignedBuffer(bias.Length);
            bias.CopyTo(new Span<float>(this.bias.Pointer, bias.Length));
        }
    }

    /// <summary>Whether this path applies: every group has exactly one input channel.</summary>
    public static bool Suits(Conv2dOptions o) => o.Groups > 1 && o.InChannels == o.Groups;

    public void Forward(float* x, int batch, int h, int w, float* y, int threads)
    {
        (outHeight, outWidth) = o.OutputSize(h, w);
        input = x;
        output = y;
        height = h;
        width = w;
        try
        {
            WorkerPool.Run(this, batch * o.OutChannels, threads);
        }
        finally
        {
            input = output = null;
        }
    }

    public void Execute(int index)
    {
        int n = index / o.OutChannels, oc = index - n * o.OutChannels, perGroup = o.OutChannels / o.Groups;
        float* src = input + ((long)n * o.InChannels + oc / perGroup) * height * width;
        var plane = new Span<float>(output + (long)index * outHeight * outWidth, outHeight * outWidth);
        plane.Fill(bias is null ? 0f : bias.Pointer[oc]);
        float* w = weights.Pointer + (long)oc * o.KernelHeight * o.KernelWidth;
        for (int ky = 0; ky < o.KernelHeight; ky++)
        {
            for (int kx = 0; kx < o.KernelWidth; kx++)
            {
                float weight = w[ky * o.KernelWidth + kx];
                int shift = kx * o.DilationW - o.PadW;
                // Output columns whose input column ox·stride + shift lies inside the row.
                int lo = Math.Max(0, (-shift + o.StrideW - 1) / o.StrideW);
                int hi = Math.Min(outWidth, (width - 1 - shift) / o.StrideW + 1);
                if (width - 1 - shift < 0 || hi <= lo)
                {
                    continue;
                }
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int iy = oy * o.StrideH - o.PadH + ky * o.DilationH;
                    if ((uint)iy >= (uint)height)
                    {
                        continue;
                    }
                    float* row = src + (long)iy * width;
                    var dst = plane.Slice(oy * outWidth, outWidth);
                    if (o.StrideW == 1)
                    {
                        var segment = dst.Slice(lo, hi - lo);
                        TensorPrimitives.MultiplyAdd(new ReadOnlySpan<float>(row + lo + shift, hi - lo), weight, segment, segment);
                        continue;
                    }
                    for (int ox = lo; ox < hi; ox++)
                    {
                        dst[ox] += weight * row[ox * o.StrideW + shift];
                    }
                }
            }
        }
        if (epilogue.Activation != FusedActivation.None)
        {
            ActivationMath.BiasActivate(plane, 0f, epilogue);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        weights.Dispose();
        bias?.Dispose();
    }
}
