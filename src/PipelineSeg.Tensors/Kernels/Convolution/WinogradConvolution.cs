using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// 3×3 stride-1 convolution by Winograd F(4×4, 3×3): 36 GEMMs of [OutC × InC] · [InC × tiles] instead of one of
/// [OutC × 9·InC] · [9·InC × pixels], 4× fewer multiplies. Weights are transformed and packed once. Each task takes a
/// block of 4×4 output tiles: input transform straight into packed GEMM panels, 36 micro-kernel sweeps, output
/// transform with bias and activation, all in per-thread scratch (no full-size intermediate).
/// </summary>
internal sealed unsafe partial class WinogradConvolution : IParallelWork, IDisposable
{
    private const int Points = WinogradMath.Alpha * WinogradMath.Alpha;
    private static readonly int Lanes = Vector<float>.Count;
    private readonly MicroKernel kernel;
    private readonly Conv2dOptions o;
    private readonly AlignedBuffer packedU;
    private readonly long uStride;
    private readonly int ocPad;
    private readonly Epilogue epilogue;
    private readonly bool wide;
    private float* input;
    private float* output;
    private float* bias;
    private int height, width, outHeight, outWidth, tilesWide, tileCount, blockTiles;

    public WinogradConvolution(Conv2dOptions options, ReadOnlySpan<float> weight, Epilogue epilogue, MicroKernel kernel, bool allowWide)
    {
        o = options;
        this.kernel = kernel;
        this.epilogue = epilogue;
        wide = allowWide && Avx512F.IsSupported && kernel.NR % 16 == 0;
        int ic = o.InChannels, oc = o.OutChannels;
        ocPad = PackA.PaddedRows(oc, kernel.MR);
        uStride = PackA.Size(oc, ic, kernel.MR);
        packedU = new AlignedBuffer(Points * uStride);
        using var transformed = new AlignedBuffer((long)Points * oc * ic);
        float* t = transformed.Pointer;
        Span<double> u = stackalloc double[Points];
        for (int m = 0; m < oc; m++)
        {
            for (int c = 0; c < ic; c++)
            {
                WinogradMath.TransformKernel(weight.Slice((m * ic + c) * 9, 9), u);
                for (int xi = 0; xi < Points; xi++)
                {
                    t[((long)xi * oc + m) * ic + c] = (float)u[xi];
                }
            }
        }
        for (int xi = 0; xi < Points; xi++)
        {
            PackA.Pack(false, t + (long)xi * oc * ic, ic, oc, ic, kernel.MR, packedU.Pointer + xi * uStride);
        }
    }

    /// <summary>
    /// Whether Winograd applies: 3×3, stride 1, dilation 1, one group, enough channels to pay off, and SIMD vectors
    /// (its transforms run on Vector&lt;T&gt;, which is slow when emulated).
    /// </summary>
    public static bool Suits(Conv2dOptions o) =>
        o is { KernelHeight: 3, KernelWidth: 3, StrideH: 1, StrideW: 1, DilationH: 1, DilationW: 1, Groups: 1 }
        && o.InChannels >= 8 && o.OutChannels >= 4 && ConvolutionSettings.WinogradEnabled
        && System.Numerics.Vector.IsHardwareAccelerated;

    /// <summary>One image: [InC, H, W] → [OutC, OH, OW]; <paramref name="paddedBias"/> covers whole MR panels or is null.</summary>
    public void Forward(float* x, int h, int w, float* y, float* paddedBias, int threads)
    {
        (outHeight, outWidth) = o.OutputSize(h, w);
        input = x;
        output = y;
        bias = paddedBias;
        height = h;
        width = w;
        tilesWide = (outWidth + 3) / 4;
        tileCount = tilesWide * ((outHeight + 3) / 4);
        int nr = kernel.NR;
        int byCache = Math.Max(nr, 8500 / (o.InChannels + o.OutChannels) / nr * nr);
        int byBalance = (tileCount + threads - 1) / threads;
        blockTiles = Math.Max(nr, Math.Min(byCache, (byBalance + nr - 1) / nr * nr));
        int tasks = (tileCount + blockTiles - 1) / blockTiles;
        try
        {
            WorkerPool.Run(this, tasks, threads);
        }
        finally
        {
            input = output = bias = null;
        }
    }

    public void Execute(int index)
    {
        int t0 = index * blockTiles, count = Math.Min(blockTiles, tileCount - t0);
        int tbPad = (blockTiles + kernel.NR - 1) / kernel.NR * kernel.NR;
        long vSize = Points * VStride(tbPad), mSize = Points * MStride(tbPad) + 16;
        long qSize = 24L * (tilesWide + 1 + Lanes) + 68;
        float* scratch = ThreadScratch.Work(vSize + mSize + qSize);
        float* v = scratch, m = scratch + vSize, q = m + mSize;
        if (wide)
        {
            TransformInputBlockWide(t0, count, tbPad, v);
            MultiplyBlock(count, tbPad, v, m);
            TransformOutputBlockWide(t0, count, tbPad, m);
            return;
        }
        TransformInputBlock(t0, count, tbPad, v, q);
        MultiplyBlock(count, tbPad, v, m);
        TransformOutputBlock(t0, count, tbPad, m);
    }

    /// <inheritdoc />
    public void Dispose() => packedU.Dispose();

    private void MultiplyBlock(int count, int tbPad, float* v, float* m)
    {
        int mr = kernel.MR, nr = kernel.NR, ic = o.InChannels, oc = o.OutChannels;
        int nPad = (count + nr - 1) / nr * nr;
        long vStride = VStride(tbPad), mStride = MStride(tbPad);
        for (int xi = 0; xi < Points; xi++)
        {
            float* u = packedU.Pointer + xi * uStride, vx = v + xi * vStride, mx = m + xi * mStride;
            for (int k0 = 0; k0 < ic; k0 += PackA.KC)
            {
                int kc = Math.Min(PackA.KC, ic - k0);
                float* aBlock = u + (long)k0 * ocPad, bBlock = vx + (long)k0 * tbPad;
                for (int i0 = 0; i0 < oc; i0 += mr)
                {
                    for (int j = 0; j < nPad; j += nr)
                    {
                        kernel.Run(kc, aBlock + (long)i0 * kc, bBlock + (long)j * kc, mx + (long)i0 * tbPad + j, tbPad,
                            k0 > 0, null, FusedActivation.None, 0f);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Distance between the 36 transform points' matrices in V and M. Padded by a cache line and a half so that the
    /// 36 loads/stores of one tile group do not all land in the same L1 set (whole-page strides would).
    /// </summary>
    private long VStride(int tbPad) => (long)o.InChannels * tbPad + 24;

    private long MStride(int tbPad) => (long)ocPad * tbPad + 24;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Read(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(float* p, Vector<float> value) => Unsafe.WriteUnaligned(p, value);
}
