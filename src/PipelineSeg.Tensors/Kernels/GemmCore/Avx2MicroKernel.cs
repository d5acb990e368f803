using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>6×16 micro-kernel on Vector256 registers (12 accumulators). Fully unrolled so every accumulator stays in a register; see <see cref="MicroKernel"/>.</summary>
internal sealed unsafe class Avx2MicroKernel : MicroKernel
{
    public override int MR => 6;

    public override int NR => 16;

    public override KernelPath Path => KernelPath.Avx2;

    [SkipLocalsInit]
    public override void Run(int kc, float* a, float* b, float* c, nint ldc, bool load, float* bias,
        FusedActivation activation, float slope)
    {
        Vector256<float> c00; Vector256<float> c01;
        Vector256<float> c10; Vector256<float> c11;
        Vector256<float> c20; Vector256<float> c21;
        Vector256<float> c30; Vector256<float> c31;
        Vector256<float> c40; Vector256<float> c41;
        Vector256<float> c50; Vector256<float> c51;
        if (load)
        {
            c00 = Vector256.Load(c + 0 * ldc + 0); c01 = Vector256.Load(c + 0 * ldc + 8);
            c10 = Vector256.Load(c + 1 * ldc + 0); c11 = Vector256.Load(c + 1 * ldc + 8);
            c20 = Vector256.Load(c + 2 * ldc + 0); c21 = Vector256.Load(c + 2 * ldc + 8);
            c30 = Vector256.Load(c + 3 * ldc + 0); c31 = Vector256.Load(c + 3 * ldc + 8);
            c40 = Vector256.Load(c + 4 * ldc + 0); c41 = Vector256.Load(c + 4 * ldc + 8);
            c50 = Vector256.Load(c + 5 * ldc + 0); c51 = Vector256.Load(c + 5 * ldc + 8);
        }
        else
        {
            c00 = Vector256<float>.Zero; c01 = Vector256<float>.Zero;
            c10 = Vector256<float>.Zero; c11 = Vector256<float>.Zero;
            c20 = Vector256<float>.Zero; c21 = Vector256<float>.Zero;
            c30 = Vector256<float>.Zero; c31 = Vector256<float>.Zero;
            c40 = Vector256<float>.Zero; c41 = Vector256<float>.Zero;
            c50 = Vector256<float>.Zero; c51 = Vector256<float>.Zero;
        }

        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b + 0); var b1 = Vector256.Load(b + 8);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00); c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(a1, b0, c10); c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(a2, b0, c20); c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(a3, b0, c30); c31 = Fma.MultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(a4, b0, c40); c41 = Fma.MultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(a5, b0, c50); c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += 6;
            b += 16;
        }

        if (bias != null)
        {
            var s = Vector256.Create(slope);
            var bias0 = Vector256.Create(bias[0]);
            c00 = Finish(c00 + bias0, activation, s); c01 = Finish(c01 + bias0, activation, s);
            var bias1 = Vector256.Create(bias[1]);
            c10 = Finish(c10 + bias1, activation, s); c11 = Finish(c11 + bias1, activation, s);
            var bias2 = Vector256.Create(bias[2]);
            c20 = Finish(c20 + bias2, activation, s); c21 = Finish(c21 + bias2, activation, s);
            var bias3 = Vector256.Create(bias[3]);
            c30 = Finish(c30 + bias3, activation, s); c31 = Finish(c31 + bias3, activation, s);
            var bias4 = Vector256.Create(bias[4]);
            c40 = Finish(c40 + bias4, activation, s); c41 = Finish(c41 + bias4, activation, s);
            var bias5 = Vector256.Create(bias[5]);
            c50 = Finish(c50 + bias5, activation, s); c51 = Finish(c51 + bias5, activation, s);
        }

        c00.Store(c + 0 * ldc + 0); c01.Store(c + 0 * ldc + 8);
        c10.Store(c + 1 * ldc + 0); c11.Store(c + 1 * ldc + 8);
        c20.Store(c + 2 * ldc + 0); c21.Store(c + 2 * ldc + 8);
        c30.Store(c + 3 * ldc + 0); c31.Store(c + 3 * ldc + 8);
        c40.Store(c + 4 * ldc + 0); c41.Store(c + 4 * ldc + 8);
        c50.Store(c + 5 * ldc + 0); c51.Store(c + 5 * ldc + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Finish(Vector256<float> x, FusedActivation activation, Vector256<float> slope) => activation switch
    {
        FusedActivation.Relu => Vector256.Max(x, Vector256<float>.Zero),
        FusedActivation.LeakyRelu => Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), x, x * slope),
        _ => x,
    };
}
