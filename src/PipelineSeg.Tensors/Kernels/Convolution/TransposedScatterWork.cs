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
}
