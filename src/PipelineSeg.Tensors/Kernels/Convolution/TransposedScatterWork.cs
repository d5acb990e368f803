namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Transposed convolution whose kernel footprints do not overlap (footprint ≤ stride, e.g. the 2×2 stride-2
/// U-Net up-sampling): each task multiplies a chunk of input pixels into per-thread columns and scatters them,
/// with bias and activation, straight to their output pixels. No output pixel is written by two tasks.
/// </summary>
internal sealed unsafe class TransposedScatterWork : IParallelWork
{
    private readonly ConvTranspose2dOptions o;

    public TransposedScatterWork(ConvTranspose2dOptions options, GemmJob gemm)
    {
        o = options;
        Gemm = gemm;
    }

    /// <summary>GEMM producing columns (ocg·kH·kW rows × input pixels); its C is not used.</summary>
    public GemmJob Gemm { get; }

    public float* Output { get; set; }

    /// <summary>Bias of this group's output channels, or null.</summary>
    public float* Bias { get; set; }

    public Epilogue Epilogue { get; set; }

    public int InWidth { get; set; }

    public int OutHeight { get; set; }

    public int OutWidth { get; set; }

    public void Run(int threads) => WorkerPool.Run(this, Gemm.PlanChunks(threads), threads);

    public void Execute(int index)
    {
        int chunk = Gemm.Chunk, j0 = index * chunk, nc = Math.Min(chunk, Gemm.N - j0);
        int rows = Gemm.M;
        float* cols = ThreadScratch.Work((long)rows * chunk);
        Gemm.ComputeChunk(j0, nc, cols, nc);
        int taps = o.KernelHeight * o.KernelWidth, inW = InWidth, oh = OutHeight, ow = OutWidth;
        var epilogue = Epilogue;
        if (o is { KernelHeight: 2, KernelWidth: 2, StrideH: 2, StrideW: 2, PadH: 0, PadW: 0 } && 2 * inW <= ow
            && epilogue.Activation is FusedActivation.None or FusedActivation.Relu)
        {
            ScatterTwoByTwo(cols, j0, nc, rows / 4, epilogue.Activation == FusedActivation.Relu);
            return;
        }
        for (int r = 0; r < rows; r++)
        {
            int oc = r / taps, tap = r - oc * taps, ky = tap / o.KernelWidth, kx = tap - ky * o.KernelWidth;
            float bias = Bias == null ? 0f : Bias[oc];
            float* plane = Output + (long)oc * oh * ow;
            float* src = cols + (long)r * nc;
            int iy = j0 / inW, ix = j0 - iy * inW;
            for (int j = 0; j < nc; j++)
            {
                int y = iy * o.StrideH - o.PadH + ky * o.DilationH;
                int x = ix * o.StrideW - o.PadW + kx * o.DilationW;
                if ((uint)y < (uint)oh && (uint)x < (uint)ow)
                {
                    plane[(long)y * ow + x] = ActivationMath.Apply(src[j] + bias, epilogue);
                }
                if (++ix == inW)
                {
                    ix = 0;
                    iy++;
                }
            }
        }
    }

    /// <summary>2×2 stride-2: rows (oc, ky, 0) and (oc, ky, 1) interleave into output row 2·iy + ky.</summary>
    private void ScatterTwoByTwo(float* cols, int j0, int nc, int channels, bool relu)
    {
        int inW = InWidth, oh = OutHeight, ow = OutWidth;
        for (int oc = 0; oc < channels; oc++)
        {
            float bias = Bias == null ? 0f : Bias[oc];
            float* plane = Output + (long)oc * oh * ow;
            for (int ky = 0; ky < 2; ky++)
            {
                float* even = cols + (long)(oc * 4 + ky * 2) * nc, odd = even + nc;
                int j = 0;
                while (j < nc)
                {
                    int iy = (j0 + j) / inW, ix = (j0 + j) - iy * inW, run = Math.Min(nc - j, inW - ix);
                    int y = 2 * iy + ky;
                    if (y < oh)
                    {
                        float* dst = plane + (long)y * ow + 2 * ix;
                        for (int t = 0; t < run; t++)
                        {
                            float a = even[j + t] + bias, b = odd[j + t] + bias;
                            dst[2 * t] = relu && a < 0f ? 0f : a;
                            dst[2 * t + 1] = relu && b < 0f ? 0f : b;
                        }
                    }
                    j += run;
                }
            }
        }
    }
}
