using System.Runtime.Intrinsics;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>AVX-512 data transforms of <see cref="WinogradConvolution"/>: 16 tiles per vector.</summary>
internal sealed unsafe partial class WinogradConvolution
{
    private const int Wide = 16;

    /// <summary>Like <see cref="TransformInputBlock"/>, 16 tiles at a time.</summary>
    private void TransformInputBlockWide(int t0, int count, int tbPad, float* v)
    {
        int ic = o.InChannels, nr = kernel.NR;
        long vStride = VStride(tbPad);
        Vector512<float>* d = stackalloc Vector512<float>[Points];
        for (int j0 = 0; j0 < count;)
        {
            int ty = (t0 + j0) / tilesWide, txs = (t0 + j0) - ty * tilesWide;
            int txe = Math.Min(tilesWide, txs + (count - j0));
            int firstX = 4 * txs - o.PadW;
            for (int c = 0; c < ic; c++)
            {
                float* plane = input + (long)c * height * width;
                int k0 = c / PackA.KC * PackA.KC, kc = Math.Min(PackA.KC, ic - k0);
                float* vc = v + (long)k0 * tbPad + (long)(c - k0) * nr;
                for (int tx = txs; tx < txe; tx += Wide)
                {
                    int lanes = Math.Min(Wide, txe - tx), off = tx - txs, x0 = firstX + 4 * off;
                    LoadWide(plane, ty, x0, lanes == Wide && x0 >= 0 && x0 + 68 <= width, d);
                    WinogradMath512.TransformInput(d);
                    int j = j0 + off;
                    long pos = (long)(j / nr) * kc * nr + j % nr;
                    bool whole = lanes == Wide && j % nr + Wide <= nr;
                    for (int xi = 0; xi < Points; xi++)
                    {
                        float* dst = vc + xi * vStride;
                        if (whole)
                        {
                            d[xi].Store(dst + pos);
                            continue;
                        }
                        float* lane = (float*)(d + xi);
                        for (int l = 0; l < lanes; l++)
                        {
                            int jl = j + l;
                            dst[(long)(jl / nr) * kc * nr + jl % nr] = lane[l];
                        }
                    }
                }
            }
            j0 += txe - txs;
        }
    }

    /// <summary>6×6 windows of 16 adjacent tiles from column x0; outside the image (or past the group) reads as zero.</summary>
    private void LoadWide(float* plane, int ty, int x0, bool inside, Vector512<float>* d)
    {
        int lo = Math.Max(0, -x0), hi = Math.Min(68, width - x0);
        for (int r = 0; r < 6; r++)
        {
            int y = 4 * ty - o.PadH + r;
            if ((uint)y >= (uint)height)
            {
                for (int i = 0; i < 6; i++)
                {
                    d[r * 6 + i] = Vector512<float>.Zero;
                }
                continue;
            }
            float* src = plane + (long)y * width + x0;
            Vector512<float> p0, p1, p2, p3;
            if (inside)
            {
                Interleave16.Split(src, out p0, out p1, out p2, out p3);
            }
            else
            {
                Interleave16.SplitMasked(src, lo, hi, out p0, out p1, out p2, out p3);
            }
            // Columns 4 and 5 of tile l are columns 0 and 1 of tile l + 1.
            d[r * 6] = p0;
            d[r * 6 + 1] = p1;
            d[r * 6 + 2] = p2;
            d[r * 6 + 3] = p3;
            d[r * 6 + 4] = Interleave16.ShiftIn(p0, 64 >= lo && 64 < hi ? src[64] : 0f);
            d[r * 6 + 5] = Interleave16.ShiftIn(p1, 65 >= lo && 65 < hi ? src[65] : 0f);
        }
    }

    /// <summary>Like <see cref="TransformOutputBlock"/>, 16 tiles at a time.</summary>
    private void TransformOutputBlockWide(int t0, int count, int tbPad, float* m)
    {
        int oc = o.OutChannels;
        long mStride = MStride(tbPad);
        Vector512<float>* mv = stackalloc Vector512<float>[Points];
        Vector512<float>* y = stackalloc Vector512<float>[16];
        bool relu = epilogue.Activation == FusedActivation.Relu, vectorDone = relu || epilogue.Activation == FusedActivation.None;
        for (int j0 = 0; j0 < count;)
        {
            int ty = (t0 + j0) / tilesWide, txs = (t0 + j0) - ty * tilesWide;
            int txe = Math.Min(tilesWide, txs + (count - j0));
            int rows = Math.Min(4, outHeight - 4 * ty);
            for (int c = 0; c < oc; c++)
            {
                var b = Vector512.Create(bias == null ? 0f : bias[c]);
                float* plane = output + (long)c * outHeight * outWidth + (long)4 * ty * outWidth;
                for (int tx = txs; tx < txe; tx += Wide)
                {
                    int lanes = Math.Min(Wide, txe - tx);
                    float* src = m + (long)c * tbPad + j0 + (tx - txs);
                    for (int xi = 0; xi < Points; xi++)
                    {
                        mv[xi] = Vector512.Load(src + xi * mStride);
                    }
                    WinogradMath512.TransformOutput(mv, y);
                    for (int k = 0; k < 16; k++)
                    {
                        y[k] += b;
                        if (relu)
                        {
                            y[k] = Vector512.Max(y[k], Vector512<float>.Zero);
                        }
                    }
                    if (vectorDone && lanes == Wide && 4 * (tx + Wide) <= outWidth)
                    {
                        for (int py = 0; py < rows; py++)
                        {
                            Interleave16.Merge(y[py * 4], y[py * 4 + 1], y[py * 4 + 2], y[py * 4 + 3], plane + (long)py * outWidth + 4 * tx);
                        }
                        continue;
                    }
                    ScatterLanes((float*)y, Wide, plane, tx, lanes, rows, vectorDone);
                }
            }
            j0 += txe - txs;
        }
    }
}
