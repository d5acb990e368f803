namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Packs the left operand into MR-row panels per K block: block starting at k0 lives at k0·Mpad and holds
/// Mpad/MR panels of kc·MR floats ([p][r] = A[panel·MR + r, k0 + p], zero rows past m).
/// </summary>
internal static unsafe class PackA
{
    /// <summary>K block depth: an MR×KC A panel plus an NR×KC B panel fit in L1, KC×512 of B in L2.</summary>
    public const int KC = 256;

    /// <summary>Rows rounded up to whole panels.</summary>
    public static int PaddedRows(int m, int mr) => (m + mr - 1) / mr * mr;

    /// <summary>Floats needed for a packed m×k matrix.</summary>
    public static long Size(int m, int k, int mr) => (long)PaddedRows(m, mr) * k;

    /// <summary>Packs op(A) (m×k; stored k×m when <paramref name="trans"/>) into <paramref name="dest"/>.</summary>
    public static void Pack(bool trans, float* a, int lda, int m, int k, int mr, float* dest)
    {
        int mpad = PaddedRows(m, mr);
        for (int k0 = 0; k0 < k; k0 += KC)
        {
            int kc = Math.Min(KC, k - k0);
            float* block = dest + (long)k0 * mpad;
            for (int i0 = 0; i0 < mpad; i0 += mr)
            {
                float* panel = block + (long)i0 * kc;
                int rows = Math.Min(mr, m - i0);
                for (int p = 0; p < kc; p++)
                {
                    float* d = panel + p * mr;
                    int r = 0;
                    if (trans)
                    {
                        float* s = a + (long)(k0 + p) * lda + i0;
                        for (; r < rows; r++)
                        {
                            d[r] = s[r];
                        }
                    }
                    else
                    {
                        float* s = a + (long)i0 * lda + k0 + p;
                        for (; r < rows; r++)
                        {
                            d[r] = s[(long)r * lda];
                        }
                    }
                    for (; r < mr; r++)
                    {
                        d[r] = 0f;
                    }
                }
            }
        }
    }
}
