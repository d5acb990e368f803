using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>8×32 micro-kernel on Vector512 registers (16 accumulators). Fully unrolled so every accumulator stays in a register; see <see cref="MicroKernel"/>.</summary>
internal sealed unsafe class Avx512MicroKernel : MicroKernel
{
    public override int MR => 8;

    public override int NR => 32;

    public override KernelPath Path => KernelPath.Avx512;

    [SkipLocalsInit]
    public override void Run(int kc, float* a, float* b, float* c, nint ldc, bool load, float* bias,
        FusedActivation activation, float slope)
    {
        Vector512<float> c00; Vector512<float> c01;
        Vector512<float> c10; Vector512<float> c11;
        Vector512<float> c20; Vector512<float> c21;
        Vector512<float> c30; Vector512<float> c31;
        Vector512<float> c40; Vector512<float> c41;
        Vector512<float> c50; Vector512<float> c51;
        Vector512<float> c60; Vector512<float> c61;
        Vector512<float> c70; Vector512<float> c71;
        if (load)
        {
            c00 = Vector512.Load(c + 0 * ldc + 0); c01 = Vector512.Load(c + 0 * ldc + 16);
            c10 = Vector512.Load(c + 1 * ldc + 0); c11 = Vector512.Load(c + 1 * ldc + 16);
            c20 = Vector512.Load(c + 2 * ldc + 0); c21 = Vector512.Load(c + 2 * ldc + 16);
            c30 = Vector512.Load(c + 3 * ldc + 0); c31 = Vector512.Load(c + 3 * ldc + 16);
            c40 = Vector512.Load(c + 4 * ldc + 0); c41 = Vector512.Load(c + 4 * ldc + 16);
            c50 = Vector512.Load(c + 5 * ldc + 0); c51 = Vector512.Load(c + 5 * ldc + 16);
            c60 = Vector512.Load(c + 6 * ldc + 0); c61 = Vector512.Load(c + 6 * ldc + 16);
            c70 = Vector512.Load(c + 7 * ldc + 0); c71 = Vector512.Load(c + 7 * ldc + 16);
        }
        else
        {
            c00 = Vector512<float>.Zero; c01 = Vector512<float>.Zero;
            c10 = Vector512<float>.Zero; c11 = Vector512<float>.Zero;
            c20 = Vector512<float>.Zero; c21 = Vector512<float>.Zero;
            c30 = Vector512<float>.Zero; c31 = Vector512<float>.Zero;
            c40 = Vector512<float>.Zero; c41 = Vector512<float>.Zero;
            c50 = Vector512<float>.Zero; c51 = Vector512<float>.Zero;
            c60 = Vector512<float>.Zero; c61 = Vector512<float>.Zero;
            c70 = Vector512<float>.Zero; c71 = Vector512<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0); var b1 = Vector512.Load(b + 16);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00); c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10); c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20); c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30); c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40); c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50); c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60); c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70); c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += 32;
        }

        if (bias != null)
        {
            var s = Vector512.Create(slope);
            var bias0 = Vector512.Create(bias[0]);
            c00 = Finish(c00 + bias0, activation, s); c01 = Finish(c01 + bias0, activation, s);
            var bias1 = Vector512.Create(bias[1]);
            c10 = Finish(c10 + bias1, activation, s); c11 = Finish(c11 + bias1, activation, s);
            var bias2 = Vector512.Create(bias[2]);
            c20 = Finish(c20 + bias2, activation, s); c21 = Finish(c21 + bias2, activation, s);
            var bias3 = Vector512.Create(bias[3]);
            c30 = Finish(c30 + bias3, activation, s); c31 = Finish(c31 + bias3, activation, s);
            var bias4 = Vector512.Create(bias[4]);
            c40 = Finish(c40 + bias4, activation, s); c41 = Finish(c41 + bias4, activation, s);
            var bias5 = Vector512.Create(bias[5]);
            c50 = Finish(c50 + bias5, activation, s); c51 = Finish(c51 + bias5, activation, s);
            var bias6 = Vector512.Create(bias[6]);
            c60 = Finish(c60 + bias6, activation, s); c61 = Finish(c61 + bias6, activation, s);
            var bias7 = Vector512.Create(bias[7]);
            c70 = Finish(c70 + bias7, activation, s); c71 = Finish(c71 + bias7, activation, s);
        }

        c00.Store(c + 0 * ldc + 0); c01.Store(c + 0 * ldc + 16);
        c10.Store(c + 1 * ldc + 0); c11.Store(c + 1 * ldc + 16);
        c20.Store(c + 2 * ldc + 0); c21.Store(c + 2 * ldc + 16);
        c30.Store(c + 3 * ldc + 0); c31.Store(c + 3 * ldc + 16);
        c40.Store(c + 4 * ldc + 0); c41.Store(c + 4 * ldc + 16);
        c50.Store(c + 5 * ldc + 0); c51.Store(c + 5 * ldc + 16);
        c60.Store(c + 6 * ldc + 0); c61.Store(c + 6 * ldc + 16);
        c70.Store(c + 7 * ldc + 0); c71.Store(c + 7 * ldc + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Finish(Vector512<float> x, FusedActivation activation, Vector512<float> slope) => activation switch
    {
        FusedActivation.Relu => Vector512.Max(x, Vector512<float>.Zero),
        FusedActivation.LeakyRelu => Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), x, x * slope),
        _ => x,
    };
}
