namespace PipelineSeg.Tensors.Kernels;

/// <summary>Packs a plain row-major matrix B (k×n, or n×k when transposed).</summary>
internal sealed unsafe class MatrixPanelSource : PanelSource
{
    /// <summary>The matrix as stored.</summary>
    public float* B { get; set; }

    /// <summary>Row stride of the stored matrix.</summary>
    public int Ldb { get; set; }

    /// <summary>Whether the stored matrix is Bᵀ (n×k).</summary>
    public bool Transposed { get; set; }

    public override void Pack(int k0, int kc, int j0, int nc, int nr, float* dest)
    {
        for (int q = 0; q < nc; q += nr)
        {
            int w = Math.Min(nr, nc - q);
            float* panel = dest + (long)q * kc;
            if (!Transposed)
            {
                float* s = B + (long)k0 * Ldb + j0 + q;
                for (int p = 0; p < kc; p++)
                {
                    CopyRow(s + (long)p * Ldb, panel + p * nr, w, nr);
                }
                continue;
            }
            for (int j = 0; j < nr; j++)
            {
                if (j >= w)
                {
                    for (int p = 0; p < kc; p++)
                    {
                        panel[p * nr + j] = 0f;
                    }
                    continue;
                }
                float* s = B + (long)(j0 + q + j) * Ldb + k0;
                for (int p = 0; p < kc; p++)
                {
                    panel[p * nr + j] = s[p];
                }
            }
        }
    }
}
