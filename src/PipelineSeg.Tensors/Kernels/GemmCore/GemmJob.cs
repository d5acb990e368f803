using System.Numerics.Tensors;

namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// One packed GEMM, C[M×N] (+)= Apacked · B, split over column chunks that threads take in turn. Per chunk:
/// for each K block pack the chunk's B panels (L2-sized), then sweep MR-row A panels (L1) across them with the
/// micro-kernel; the bias + activation epilogue is applied with the last K block while the tile is in registers.
/// Reusable: set the fields, call <see cref="Run"/>; the instance holds no per-call allocations.
/// </summary>
internal sealed unsafe class GemmJob : IParallelWork
{
    private const int MaxChunk = 512;
    private const int MinChunk = 128;
    private int chunk;

    public GemmJob(MicroKernel kernel) => Kernel = kernel;

    public MicroKernel Kernel { get; }

    /// <summary>Packed A (see <see cref="PackA"/>) for M rows and K depth.</summary>
    public float* PackedA { get; set; }

    public int M { get; set; }

    public int N { get; set; }

    public int K { get; set; }

    public PanelSource? Source { get; set; }

    public float* C { get; set; }

    public int Ldc { get; set; }

    public bool Accumulate { get; set; }

    /// <summary>Per-row bias padded to whole MR panels, or null for no epilogue at all.</summary>
    public float* Bias { get; set; }

    public Epilogue Epilogue { get; set; }

    /// <summary>Runs the whole product on up to <paramref name="threads"/> threads.</summary>
    public void Run(int threads)
    {
        if (M == 0 || N == 0)
        {
            return;
        }
        WorkerPool.Run(this, PlanChunks(threads), threads);
    }

    /// <summary>Columns per task, as chosen by the last <see cref="Run"/> or <see cref="PlanChunks"/>.</summary>
    public int Chunk => chunk;

    /// <summary>Chooses the column chunking for <paramref name="threads"/> threads and returns the task count.</summary>
    public int PlanChunks(int threads)
    {
        int nr = Kernel.NR;
        int perThread = CeilDiv(N, threads);
        chunk = perThread <= MinChunk
            ? RoundUp(perThread, nr)
            : Math.Clamp(RoundUp(CeilDiv(N, threads * 4), nr), MinChunk, MaxChunk);
        return CeilDiv(N, chunk);
    }

    public void Execute(int index)
    {
        int j0 = index * chunk;
        ComputeChunk(j0, Math.Min(chunk, N - j0), C + j0, Ldc);
    }

    /// <summary>Computes columns j0..j0+nc of the product into <paramref name="c0"/> (column j0's address, row stride ldc).</summary>
    public void ComputeChunk(int j0, int nc, float* c0, int ldc)
    {
        MicroKernel kernel = Kernel;
        int mr = kernel.MR, nr = kernel.NR;
        int mpad = PackA.PaddedRows(M, mr);
        float* packedB = ThreadScratch.PackB((long)PackA.KC * RoundUp(nc, nr));
        float* tile = stackalloc float[mr * nr];
        var fused = Epilogue.Activation is FusedActivation.Relu or FusedActivation.LeakyRelu ? Epilogue.Activation : FusedActivation.None;
        if (K == 0)
        {
            ZeroOrKeep(c0, ldc, nc);
        }
        for (int k0 = 0; k0 < K; k0 += PackA.KC)
        {
            int kc = Math.Min(PackA.KC, K - k0);
            bool load = Accumulate || k0 > 0, last = k0 + kc >= K;
            Source!.Pack(k0, kc, j0, nc, nr, packedB);
            float* aBlock = PackedA + (long)k0 * mpad;
            for (int i0 = 0; i0 < M; i0 += mr)
            {
                float* aPanel = aBlock + (long)i0 * kc;
                float* bias = last && Bias != null ? Bias + i0 : null;
                int rows = Math.Min(mr, M - i0);
                for (int q = 0; q < nc; q += nr)
                {
                    int cols = Math.Min(nr, nc - q);
                    float* c = c0 + (long)i0 * ldc + q;
                    if (rows == mr && cols == nr)
                    {
                        kernel.Run(kc, aPanel, packedB + (long)q * kc, c, ldc, load, bias, fused, Epilogue.NegativeSlope);
                    }
                    else
                    {
                        EdgeTile(kernel, kc, aPanel, packedB + (long)q * kc, c, ldc, rows, cols, tile, load, bias, fused);
                    }
                }
            }
        }
        if (Bias != null && fused == FusedActivation.None && Epilogue.Activation != FusedActivation.None)
        {
            for (int i = 0; i < M; i++)
            {
                ActivationMath.BiasActivate(new Span<float>(c0 + (long)i * ldc, nc), 0f, Epilogue);
            }
        }
    }

    private void EdgeTile(MicroKernel kernel, int kc, float* a, float* b, float* c, int ldc, int rows, int cols, float* tile,
        bool load, float* bias, FusedActivation fused)
    {
        int nr = kernel.NR;
        if (load)
        {
            for (int r = 0; r < rows; r++)
            {
                Buffer.MemoryCopy(c + (long)r * ldc, tile + r * nr, (long)nr * sizeof(float), (long)cols * sizeof(float));
            }
        }
        kernel.Run(kc, a, b, tile, nr, load, bias, fused, Epilogue.NegativeSlope);
        for (int r = 0; r < rows; r++)
        {
            Buffer.MemoryCopy(tile + r * nr, c + (long)r * ldc, (long)cols * sizeof(float), (long)cols * sizeof(float));
        }
    }

    private void ZeroOrKeep(float* c0, int ldc, int nc)
    {
        for (int i = 0; i < M; i++)
        {
            var row = new Span<float>(c0 + (long)i * ldc, nc);
            if (!Accumulate)
            {
                row.Clear();
            }
            if (Bias != null)
            {
                TensorPrimitives.Add(row, Bias[i], row);
                if (Epilogue.Activation != FusedActivation.None)
                {
                    ActivationMath.BiasActivate(row, 0f, Epilogue);
                }
            }
        }
    }

    private static int CeilDiv(int a, int b) => (a + b - 1) / b;

    private static int RoundUp(int a, int b) => CeilDiv(a, b) * b;
}
