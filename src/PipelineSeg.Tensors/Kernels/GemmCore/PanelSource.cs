namespace PipelineSeg.Tensors.Kernels;

/// <summary>
/// Produces the right operand of a GEMM in packed NR-column panels, so convolutions can pack straight from
/// their input (implicit im2col, Winograd) without materialising the full matrix.
/// </summary>
internal abstract unsafe class PanelSource
{
    /// <summary>
    /// Writes rows k0..k0+kc and columns j0..j0+nc as panels of <paramref name="nr"/> columns: panel q (columns
    /// j0+q·nr…) at dest + q·kc·nr, element [p][j] at p·nr + j; columns past nc are zero.
    /// </summary>
    public abstract void Pack(int k0, int kc, int j0, int nc, int nr, float* dest);

    /// <summary>Copies <paramref name="count"/> floats and zero-fills the panel row up to <paramref name="nr"/>.</summary>
    protected static void CopyRow(float* source, float* dest, int count, int nr)
    {
        Buffer.MemoryCopy(source, dest, (long)nr * sizeof(float), (long)count * sizeof(float));
        for (int j = count; j < nr; j++)
        {
            dest[j] = 0f;
        }
    }
}
