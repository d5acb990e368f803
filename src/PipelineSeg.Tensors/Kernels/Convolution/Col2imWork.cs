namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// General transposed convolution, second half: sums the column matrix (ocg·kH·kW rows × input pixels) into the
/// output planes, one output channel per task, then adds bias and applies the activation.
/// </summary>
internal sealed unsafe class Col2imWork : IParallelWork
{
    private readonly ConvTranspose2dOptions o;

    public Col2imWork(ConvTranspose2dOptions options) => o = options;

    public float* Columns { get; set; }

    public float* Output { get; set; }

    public float* Bias { get; set; }

    public Epilogue Epilogue { get; set; }

    public int InHeight { get; set; }

    public int InWidth { get; set; }

    public int OutHeight { get; set; }

    public int OutWidth { get; set; }

    public void Execute(int index)
    {
        int oh = OutHeight, ow = OutWidth, ih = InHeight, iw = InWidth, taps = o.KernelHeight * o.KernelWidth;
        var plane = new Span<float>(Output + (long)index * oh * ow, oh * ow);
        plane.Fill(Bias == null ? 0f : Bias[index]);
        for (int tap = 0; tap < taps; tap++)
        {
            int ky = tap / o.KernelWidth, kx = tap - ky * o.KernelWidth;
            float* src = Columns + (long)(index * taps + tap) * ih * iw;
            for (int iy = 0; iy < ih; iy++)
            {
                int y = iy * o.StrideH - o.PadH + ky * o.DilationH;
                if ((uint)y >= (uint)oh)
                {
                    continue;
                }
                for (int ix = 0; ix < iw; ix++)
                {
                    int x = ix * o.StrideW - o.PadW + kx * o.DilationW;
                    if ((uint)x < (uint)ow)
                    {
                        plane[y * ow + x] += src[iy * iw + ix];
                    }
                }
            }
        }
        if (Epilogue.Activation != FusedActivation.None)
        {
            ActivationMath.BiasActivate(plane, 0f, Epilogue);
        }
    }
}
