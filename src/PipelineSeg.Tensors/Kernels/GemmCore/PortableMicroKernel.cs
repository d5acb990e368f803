using System.Numerics;
using System.Runtime.CompilerServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// 4×(2·Vector&lt;float&gt;.Count) micro-kernel on <see cref="Vector{T}"/>: correct everywhere (ARM64, SSE-only,
/// hardware intrinsics disabled), used where neither AVX-512 nor AVX2 is available.
/// </summary>
internal sealed unsafe class PortableMicroKernel : MicroKernel
{
    private static readonly int Width = Vector<float>.Count;

    public override int MR => 4;

    public override int NR => 2 * Width;

    public override KernelPath Path => KernelPath.Portable;

    [SkipLocalsInit]
    public override void Run(int kc, float* a, float* b, float* c, nint ldc, bool load, float* bias,
        FusedActivation activation, float slope)
    {
        int w = Width, nr = 2 * w;
        Vector<float> c00, c01, c10, c11, c20, c21, c30, c31;
        if (load)
        {
            c00 = Read(c); c01 = Read(c + w);
            c10 = Read(c + ldc); c11 = Read(c + ldc + w);
            c20 = Read(c + 2 * ldc); c21 = Read(c + 2 * ldc + w);
            c30 = Read(c + 3 * ldc); c31 = Read(c + 3 * ldc + w);
        }
        else
        {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector<float>.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            var b0 = Read(b);
            var b1 = Read(b + w);
            var a0 = new Vector<float>(a[0]);
            c00 += a0 * b0; c01 += a0 * b1;
            var a1 = new Vector<float>(a[1]);
            c10 += a1 * b0; c11 += a1 * b1;
            var a2 = new Vector<float>(a[2]);
            c20 += a2 * b0; c21 += a2 * b1;
            var a3 = new Vector<float>(a[3]);
            c30 += a3 * b0; c31 += a3 * b1;
            a += 4;
            b += nr;
        }
        if (bias != null)
        {
            var s = new Vector<float>(slope);
            var bias0 = new Vector<float>(bias[0]);
            c00 = Finish(c00 + bias0, activation, s); c01 = Finish(c01 + bias0, activation, s);
            var bias1 = new Vector<float>(bias[1]);
            c10 = Finish(c10 + bias1, activation, s); c11 = Finish(c11 + bias1, activation, s);
            var bias2 = new Vector<float>(bias[2]);
            c20 = Finish(c20 + bias2, activation, s); c21 = Finish(c21 + bias2, activation, s);
            var bias3 = new Vector<float>(bias[3]);
            c30 = Finish(c30 + bias3, activation, s); c31 = Finish(c31 + bias3, activation, s);
        }
        Write(c, c00); Write(c + w, c01);
        Write(c + ldc, c10); Write(c + ldc + w, c11);
        Write(c + 2 * ldc, c20); Write(c + 2 * ldc + w, c21);
        Write(c + 3 * ldc, c30); Write(c + 3 * ldc + w, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Read(float* p) => Unsafe.ReadUnaligned<Vector<float>>(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(float* p, Vector<float> v) => Unsafe.WriteUnaligned(p, v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Finish(Vector<float> x, FusedActivation activation, Vector<float> slope) => activation switch
    {
        FusedActivation.Relu => Vector.Max(x, Vector<float>.Zero),
        FusedActivation.LeakyRelu => Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero), x, x * slope),
        _ => x,
    };
}
