namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Implicit im2col: packs the patch matrix (rows = channel·kH·kW, columns = output pixels) of one image and group
/// straight into GEMM panels, so the full im2col matrix is never materialised.
/// </summary>
internal sealed unsafe class Im2colPanelSource : PanelSource
{
    private readonly Conv2dOptions o;

    public Im2colPanelSource(Conv2dOptions options) => o = options;

    /// <summary>First input channel plane of the current image and group.</summary>
    public float* Input { get; set; }

    public int Height { get; set; }

    public int Width { get; set; }

    public int OutHeight { get; set; }

    public int OutWidth { get; set; }

    public override void Pack(int k0, int kc, int j0, int nc, int nr, float* dest)
    {
        int taps = o.KernelHeight * o.KernelWidth;
        int h = Height, w = Width, ow = OutWidth;
        for (int p = 0; p < kc; p++)
        {
            int k = k0 + p, ic = k / taps, tap = k - ic * taps, ky = tap / o.KernelWidth, kx = tap - ky * o.KernelWidth;
            float* plane = Input + (long)ic * h * w;
            float* row = dest + p * nr;
            int q = 0, oy = j0 / ow, ox = j0 - oy * ow;
            while (q < nc)
            {
                int seg = Math.Min(ow - ox, nc - q);
                int iy = oy * o.StrideH - o.PadH + ky * o.DilationH;
                if ((uint)iy >= (uint)h)
                {
                    Zero(row, q, seg, kc, nr);
                }
                else
                {
                    float* src = plane + (long)iy * w;
                    int ix0 = ox * o.StrideW - o.PadW + kx * o.DilationW;
                    if (o.StrideW == 1)
                    {
                        int lo = Math.Clamp(-ix0, 0, seg), hi = Math.Clamp(w - ix0, lo, seg);
                        Zero(row, q, lo, kc, nr);
                        Copy(src + ix0 + lo, row, q + lo, hi - lo, kc, nr);
                        Zero(row, q + hi, seg - hi, kc, nr);
                    }
                    else
                    {
                        for (int t = 0; t < seg; t++)
                        {
                            int ix = ix0 + t * o.StrideW, qq = q + t;
                            row[(long)(qq / nr) * kc * nr + qq % nr] = (uint)ix < (uint)w ? src[ix] : 0f;
                        }
                    }
                }
                q += seg;
                oy++;
                ox = 0;
            }
            int padded = (nc + nr - 1) / nr * nr;
            Zero(row, nc, padded - nc, kc, nr);
        }
    }

    /// <summary>Copies a contiguous run into panel rows, splitting it at panel boundaries.</summary>
    private static void Copy(float* src, float* row, int q, int count, int kc, int nr)
    {
        while (count > 0)
        {
            int inPanel = q % nr, len = Math.Min(count, nr - inPanel);
            float* d = row + (long)(q / nr) * kc * nr + inPanel;
            Buffer.MemoryCopy(src, d, (long)len * sizeof(float), (long)len * sizeof(float));
            src += len;
            q += len;
            count -= len;
        }
    }

    private static void Zero(float* row, int q, int count, int kc, int nr)
    {
        while (count > 0)
        {
            int inPanel = q % nr, len = Math.Min(count, nr - inPanel);
            new Span<float>(row + (long)(q / nr) * kc * nr + inPanel, len).Clear();
            q += len;
            count -= len;
        }
    }
}
