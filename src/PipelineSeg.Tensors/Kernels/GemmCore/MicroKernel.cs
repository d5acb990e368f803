using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>Which instruction set a micro-kernel uses.</summary>
internal enum KernelPath
{
    /// <summary>Plain scalar code: used when Vector&lt;T&gt; is not hardware-accelerated.</summary>
    Scalar,

    /// <summary>Vector&lt;T&gt; only: any CPU with SIMD (SSE, NEON), no x86-specific intrinsics.</summary>
    Portable,

    /// <summary>Vector256 + FMA (AVX2).</summary>
    Avx2,

    /// <summary>Vector512 (AVX-512F).</summary>
    Avx512,
}

/// <summary>
/// Register-blocked C[MR×NR] (+)= A-panel · B-panel, then optional per-row bias and ReLU/LeakyReLU, the innermost
/// loop of the packed GEMM. A panels hold MR floats per k step, B panels NR floats per k step.
/// </summary>
internal abstract unsafe class MicroKernel
{
    private static readonly MicroKernel[] Supported = CreateSupported();

    /// <summary>Rows of C per call (A panel width).</summary>
    public abstract int MR { get; }

    /// <summary>Columns of C per call (B panel width).</summary>
    public abstract int NR { get; }

    /// <summary>The instruction set used.</summary>
    public abstract KernelPath Path { get; }

    /// <summary>The fastest kernel this CPU (and the runtime's intrinsic settings) supports.</summary>
    public static MicroKernel Best => Supported[^1];

    /// <summary>All kernels usable here, slowest first (tests run each against the reference).</summary>
    public static IReadOnlyList<MicroKernel> All => Supported;

    /// <summary>
    /// C tile at <paramref name="c"/> (row stride <paramref name="ldc"/>) = (load ? C : 0) + Σ_p a[p·MR + r]·b[p·NR + j];
    /// then when <paramref name="bias"/> is not null adds bias[r] and applies <paramref name="activation"/>
    /// (only None, Relu and LeakyRelu are handled here).
    /// </summary>
    public abstract void Run(int kc, float* a, float* b, float* c, nint ldc, bool load, float* bias,
        FusedActivation activation, float slope);

    private static MicroKernel[] CreateSupported()
    {
        var list = new List<MicroKernel> { new ScalarMicroKernel() };
        if (Vector.IsHardwareAccelerated)
        {
            list.Add(new PortableMicroKernel());
        }
        if (Avx2.IsSupported && Fma.IsSupported)
        {
            list.Add(new Avx2MicroKernel());
        }
        if (Avx512F.IsSupported)
        {
            list.Add(new Avx512MicroKernel());
        }
        return [.. list];
    }
}
