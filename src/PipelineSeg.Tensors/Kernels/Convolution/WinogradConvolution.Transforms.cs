using System.Numerics;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>Data transforms of <see cref="WinogradConvolution"/>, vectorised across tiles of one tile row.</summary>
internal sealed unsafe partial class WinogradConvolution
{
    /// <summary>Bᵀ d B for every (channel, tile) of the block, written as packed B panels per transform point.</summary>
    private void TransformInputBlock(int t0, int count, int tbPad, float* v, float* q)
    {
        int ic = o.InChannels, nr = kernel.NR, g = Lanes;
        long vStride = VStride(tbPad);
        int qStride = tilesWide + 1 + g;
        Vector<float>* d = stackalloc Vector<float>[Points];
        for (int j0 = 0; j0 < count;)
        {
            int ty = (t0 + j0) / tilesWide, txs = (t0 + j0) - ty * tilesWide;
            int txe = Math.Min(tilesWide, txs + (count - j0));
            // Groups whose 6×36 input window lies inside the row can be read straight from the image.
            int firstX = 4 * txs - o.PadW;
            for (int c = 0; c < ic; c++)
            {
                float* plane = input + (long)c * height * width;
                int k0 = c / PackA.KC * PackA.KC, kc = Math.Min(PackA.KC, ic - k0);
                float* vc = v + (long)k0 * tbPad + (long)(c - k0) * nr;
                for (int tx = txs; tx < txe; tx += g)
                {
                    int lanes = Math.Min(g, txe - tx), off = tx - txs, x0 = firstX + 4 * off;
                    if (Interleave4.IsSupported && lanes == g && x0 >= 0 && x0 + 36 <= width)
                    {
                        LoadDirect(plane, ty, x0, d);
                    }
                    else if (Interleave4.IsSupported)
                    {
                        LoadPadded(plane, ty, x0, q, d);
                    }
                    else
                    {
                        FillPhases(c, ty, tx, tx + lanes, q, qStride);
                        LoadPhases(q, qStride, d);
                    }
                    WinogradMath.TransformInput(d);
                    int j = j0 + off;
                    long pos = (long)(j / nr) * kc * nr + j % nr;
                    bool whole = lanes == g && j % nr + g <= nr;
                    for (int xi = 0; xi < Points; xi++)
                    {
                        float* dst = vc + xi * vStride;
                        if (whole)
                        {
                            Write(dst + pos, d[xi]);
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

    private static void LoadPhases(float* q, int qStride, Vector<float>* d)
    {
        for (int r = 0; r < 6; r++)
        {
            float* row = q + r * 4 * qStride;
            d[r * 6] = Read(row);
            d[r * 6 + 1] = Read(row + qStride);
            d[r * 6 + 2] = Read(row + 2 * qStride);
            d[r * 6 + 3] = Read(row + 3 * qStride);
            d[r * 6 + 4] = Read(row + 1);
            d[r * 6 + 5] = Read(row + qStride + 1);
        }
    }

    /// <summary>The 6×6 windows of 8 horizontally adjacent tiles starting at column x0 (all inside the row).</summary>
    private void LoadDirect(float* plane, int ty, int x0, Vector<float>* d)
    {
        for (int r = 0; r < 6; r++)
        {
            int y = 4 * ty - o.PadH + r;
            if ((uint)y >= (uint)height)
            {
                for (int i = 0; i < 6; i++)
                {
                    d[r * 6 + i] = Vector<float>.Zero;
                }
                continue;
            }
            float* src = plane + (long)y * width + x0;
            Interleave4.Split(src, out d[r * 6], out d[r * 6 + 1], out d[r * 6 + 2], out d[r * 6 + 3]);
            Interleave4.Split(src + 4, out d[r * 6 + 4], out d[r * 6 + 5], out _, out _);
        }
    }

    /// <summary>Like <see cref="LoadDirect"/> for windows that cross the image border: rows are copied zero-padded first.</summary>
    private void LoadPadded(float* plane, int ty, int x0, float* row, Vector<float>* d)
    {
        int lo = Math.Max(0, -x0), hi = Math.Min(36, width - x0);
        for (int r = 0; r < 6; r++)
        {
            int y = 4 * ty - o.PadH + r;
            var temp = new Span<float>(row, 36);
            temp.Clear();
            if ((uint)y < (uint)height && hi > lo)
            {
                new ReadOnlySpan<float>(plane + (long)y * width + x0 + lo, hi - lo).CopyTo(temp[lo..]);
            }
            Interleave4.Split(row, out d[r * 6], out d[r * 6 + 1], out d[r * 6 + 2], out d[r * 6 + 3]);
            Interleave4.Split(row + 4, out d[r * 6 + 4], out d[r * 6 + 5], out _, out _);
        }
    }

    /// <summary>q[(r·4 + phase)·stride + u − txs] = x[c, 4·ty − padH + r, 4·u − padW + phase], zero outside the image.</summary>
    private void FillPhases(int c, int ty, int txs, int txe, float* q, int stride)
    {
        float* plane = input + (long)c * height * width;
        int n = txe - txs + 1;
        for (int r = 0; r < 6; r++)
        {
            int y = 4 * ty - o.PadH + r;
            float* dst = q + r * 4 * stride;
            if ((uint)y >= (uint)height)
            {
                for (int p = 0; p < 4; p++)
                {
                    new Span<float>(dst + p * stride, n).Clear();
                }
                continue;
            }
            float* src = plane + (long)y * width;
            for (int u = 0; u < n; u++)
            {
                int x = 4 * (txs + u) - o.PadW;
                if (x >= 0 && x + 3 < width)
                {
                    dst[u] = src[x];
                    dst[stride + u] = src[x + 1];
                    dst[2 * stride + u] = src[x + 2];
                    dst[3 * stride + u] = src[x + 3];
                    continue;
                }
                for (int p = 0; p < 4; p++)
                {
                    dst[p * stride + u] = (uint)(x + p) < (uint)width ? src[x + p] : 0f;
                }
            }
        }
    }

    /// <summary>Aᵀ m A per (channel, tile), plus bias and activation, scattered into the output planes.</summary>
    private void TransformOutputBlock(int t0, int count, int tbPad, float* m)
    {
        int oc = o.OutChannels, g = Lanes;
        long mStride = MStride(tbPad);
        Vector<float>* mv = stackalloc Vector<float>[Points];
        Vector<float>* y = stackalloc Vector<float>[16];
        bool relu = epilogue.Activation == FusedActivation.Relu, vectorDone = relu || epilogue.Activation == FusedActivation.None;
        for (int j0 = 0; j0 < count;)
        {
            int ty = (t0 + j0) / tilesWide, txs = (t0 + j0) - ty * tilesWide;
            int txe = Math.Min(tilesWide, txs + (count - j0));
            int rows = Math.Min(4, outHeight - 4 * ty);
            for (int c = 0; c < oc; c++)
            {
                var b = new Vector<float>(bias == null ? 0f : bias[c]);
                float* plane = output + (long)c * outHeight * outWidth + (long)4 * ty * outWidth;
                for (int tx = txs; tx < txe; tx += g)
                {
                    int lanes = Math.Min(g, txe - tx);
                    float* src = m + (long)c * tbPad + j0 + (tx - txs);
                    for (int xi = 0; xi < Points; xi++)
                    {
                        mv[xi] = Read(src + xi * mStride);
                    }
                    WinogradMath.TransformOutput(mv, y);
                    for (int k = 0; k < 16; k++)
                    {
                        y[k] += b;
                        if (relu)
                        {
                            y[k] = Vector.Max(y[k], Vector<float>.Zero);
                        }
                    }
                    if (vectorDone && Interleave4.IsSupported && lanes == g && 4 * (tx + g) <= outWidth)
                    {
                        for (int py = 0; py < rows; py++)
                        {
                            Interleave4.Merge(y[py * 4], y[py * 4 + 1], y[py * 4 + 2], y[py * 4 + 3], plane + (long)py * outWidth + 4 * tx);
                        }
                        continue;
                    }
                    ScatterLanes((float*)y, g, plane, tx, lanes, rows, vectorDone);
                }
            }
            j0 += txe - txs;
        }
    }

    /// <summary>Scalar scatter of 16 output vectors of <paramref name="stride"/> lanes (one tile per lane).</summary>
    private void ScatterLanes(float* y, int stride, float* plane, int tx, int lanes, int rows, bool final)
    {
        for (int py = 0; py < rows; py++)
        {
            float* row = plane + (long)py * outWidth;
            for (int l = 0; l < lanes; l++)
            {
                int x0 = 4 * (tx + l);
                int cols = Math.Min(4, outWidth - x0);
                for (int px = 0; px < cols; px++)
                {
                    float value = y[(py * 4 + px) * stride + l];
                    row[x0 + px] = final ? value : ActivationMath.Apply(value, epilogue);
                }
            }
        }
    }
}
