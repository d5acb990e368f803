namespace PipelineSeg.Tensors.Operations;

/// <summary>Window geometry of a 2-D pooling, with PyTorch's meaning of every field.</summary>
public readonly record struct Pool2dGeometry(int KernelH, int KernelW, int StrideH, int StrideW,
    int PadH = 0, int PadW = 0, int DilationH = 1, int DilationW = 1, bool CeilMode = false)
{
    /// <summary>Output size (PyTorch's pooling_output_shape: the last window must start inside the input or left padding).</summary>
    public (int Height, int Width) OutputSize(int inHeight, int inWidth) =>
        (OutputLength(inHeight, KernelH, StrideH, PadH, DilationH), OutputLength(inWidth, KernelW, StrideW, PadW, DilationW));

    /// <summary>Throws when the settings are not ones PyTorch accepts.</summary>
    public void Validate(string op)
    {
        if (KernelH < 1 || KernelW < 1 || StrideH < 1 || StrideW < 1 || DilationH < 1 || DilationW < 1)
        {
            throw new ArgumentException($"{op}: kernel, stride and dilation must be positive ({this})");
        }
        if (PadH < 0 || PadW < 0 || PadH > KernelH / 2 || PadW > KernelW / 2)
        {
            throw new ArgumentException($"{op}: padding must be between 0 and half the kernel size ({this})");
        }
    }

    private int OutputLength(int input, int kernel, int stride, int pad, int dilation)
    {
        var span = input + 2 * pad - dilation * (kernel - 1) - 1;
        var output = (CeilMode ? FloorDiv(span + stride - 1, stride) : FloorDiv(span, stride)) + 1;
        if (CeilMode && (long)(output - 1) * stride >= input + pad)
        {
            output--;
        }
        return output;
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
