namespace PipelineSeg.Tensors.Kernels;

/// <summary>Geometry of a 2-D convolution, with PyTorch's <c>nn.Conv2d</c> meaning.</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="OutChannels">Output channels.</param>
/// <param name="KernelHeight">Kernel height.</param>
/// <param name="KernelWidth">Kernel width.</param>
/// <param name="StrideH">Vertical stride.</param>
/// <param name="StrideW">Horizontal stride.</param>
/// <param name="PadH">Zero padding above and below.</param>
/// <param name="PadW">Zero padding left and right.</param>
/// <param name="DilationH">Vertical dilation.</param>
/// <param name="DilationW">Horizontal dilation.</param>
/// <param name="Groups">Channel groups; InChannels and OutChannels must both be divisible by it.</param>
public readonly record struct Conv2dOptions(int InChannels, int OutChannels, int KernelHeight, int KernelWidth,
    int StrideH = 1, int StrideW = 1, int PadH = 0, int PadW = 0, int DilationH = 1, int DilationW = 1, int Groups = 1)
{
    /// <summary>Output size for an input of the given size (floor division, like PyTorch).</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) =>
        ((inHeight + 2 * PadH - DilationH * (KernelHeight - 1) - 1) / StrideH + 1,
         (inWidth + 2 * PadW - DilationW * (KernelWidth - 1) - 1) / StrideW + 1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting.</summary>
    public void Validate()
    {
        if (InChannels < 1 || OutChannels < 1 || KernelHeight < 1 || KernelWidth < 1)
        {
            throw new ArgumentException($"Conv2d: channels and kernel size must be positive ({this}).");
        }
        if (StrideH < 1 || StrideW < 1 || DilationH < 1 || DilationW < 1 || PadH < 0 || PadW < 0)
        {
            throw new ArgumentException($"Conv2d: stride and dilation must be ≥ 1 and padding ≥ 0 ({this}).");
        }
        if (Groups < 1 || InChannels % Groups != 0 || OutChannels % Groups != 0)
        {
            throw new ArgumentException($"Conv2d: groups {Groups} must divide in {InChannels} and out {OutChannels} channels.");
        }
    }
}
