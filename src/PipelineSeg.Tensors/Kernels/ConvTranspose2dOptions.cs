namespace PipelineSeg.Tensors.Kernels;

/// <summary>Geometry of a 2-D transposed convolution, with PyTorch's <c>nn.ConvTranspose2d</c> meaning.</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="KernelHeight">Kernel height.</param>
/// <param name="KernelWidth">Kernel width.</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadH">Rows removed above and below the full output.</param>
/// <param name="PadW">Columns removed left and right of the full output.</param>
/// <param name="OutputPaddingH">Extra rows added at the bottom.</param>
/// <param name="OutputPaddingW">Extra columns added at the right.</param>
/// <param name="DilationH">Vertical dilation.</param>
/// <param name="DilationW">Horizontal dilation.</param>
/// <param name="Groups">Channel groups.</param>
public readonly record struct ConvTranspose2dOptions(int InChannels, int OutChannels, int KernelHeight, int KernelWidth,
    int StrideH = 1, int StrideW = 1, int PadH = 0, int PadW = 0, int OutputPaddingH = 0, int OutputPaddingW = 0,
    int DilationH = 1, int DilationW = 1, int Groups = 1)
{
    /// <summary>Output size for an input of the given size, like PyTorch.</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) =>
        ((inHeight - 1) * StrideH - 2 * PadH + DilationH * (KernelHeight - 1) + OutputPaddingH + 1,
         (inWidth - 1) * StrideW - 2 * PadW + DilationW * (KernelWidth - 1) + OutputPaddingW + 1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        if (InChannels < 1 || OutChannels < 1 || KernelHeight < 1 || KernelWidth < 1)
        {
            throw new ArgumentException($"ConvTranspose2d: channels and kernel size must be positive ({this}).");
        }
        if (StrideH < 1 || StrideW < 1 || DilationH < 1 || DilationW < 1 || PadH < 0 || PadW < 0)
        {
            throw new ArgumentException($"ConvTranspose2d: stride and dilation must be ≥ 1 and padding ≥ 0 ({this}).");
        }
        if (OutputPaddingH < 0 || OutputPaddingW < 0 || (OutputPaddingH >= StrideH && OutputPaddingH >= DilationH)
            || (OutputPaddingW >= StrideW && OutputPaddingW >= DilationW))
        {
            throw new ArgumentException($"ConvTranspose2d: output padding must be smaller than stride or dilation ({this}).");
        }
        if (Groups < 1 || InChannels % Groups != 0 || OutChannels % Groups != 0)
        {
            throw new ArgumentException($"ConvTranspose2d: groups {Groups} must divide in {InChannels} and out {OutChannels} channels.");
        }
    }
}
