using System.Runtime.CompilerServices;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// 4×8 micro-kernel in plain scalar code, for runtimes where <see cref="System.Numerics.Vector{T}"/> is not
/// hardware-accelerated (e.g. DOTNET_EnableHWIntrinsic=0), where the emulated vectors would be far slower.
/// </summary>
internal sealed unsafe class ScalarMicroKernel : MicroKernel
{
    private const int Rows = 4;
    private const int Cols = 8;

    public override int MR => Rows;

    public override int NR => Cols;

    public override KernelPath Path => KernelPath.Scalar;

    [SkipLocalsInit]
    public override void Run(int kc, float* a, float* b, float* c, nint ldc, bool load, float* bias,
        FusedActivation activation, float slope)
    {
        float* acc = stackalloc float[Rows * Cols];
        for (int r = 0; r < Rows; r++)
        {
            for (int j = 0; j < Cols; j++)
            {
                acc[r * Cols + j] = load ? c[r * ldc + j] : 0f;
            }
        }
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < Rows; r++)
            {
                float av = a[r];
                float* row = acc + r * Cols;
                row[0] += av * b[0];
                row[1] += av * b[1];
                row[2] += av * b[2];
                row[3] += av * b[3];
                row[4] += av * b[4];
                row[5] += av * b[5];
                row[6] += av * b[6];
                row[7] += av * b[7];
            }
            a += Rows;
            b += Cols;
        }
        var epilogue = new Epilogue(activation, slope);
        for (int r = 0; r < Rows; r++)
        {
            for (int j = 0; j < Cols; j++)
            {
                float v = acc[r * Cols + j];
                c[r * ldc + j] = bias == null ? v : ActivationMath.Apply(v + bias[r], epilogue);
            }
        }
    }
}
