using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.MaxUnpool2d: scatters pooled values back to the positions <see cref="MaxPool2d.ForwardWithIndices"/> recorded.</summary>
public sealed class MaxUnpool2d : Module
{
    /// <summary>Square window; stride defaults to the kernel size.</summary>
    public MaxUnpool2d(int kernelSize, int? stride = null, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1);
        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding;
    }

    /// <summary>Window size.</summary>
    public int KernelSize { get; }

    /// <summary>Window step.</summary>
    public int Stride { get; }

    /// <summary>Padding of the pooling being inverted.</summary>
    public int Padding { get; }

    /// <summary>
    /// Unpools <paramref name="input"/>; the output size defaults to (in − 1)·stride − 2·padding + kernel, pass
    /// <paramref name="outputSize"/> (the pooled layer's input size) when pooling dropped odd rows or columns.
    /// </summary>
    public Tensor Forward(Tensor input, IndexTensor indices, (int Height, int Width)? outputSize = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"MaxUnpool2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var (oh, ow) = outputSize ?? (
            (input.Shape[2] - 1) * Stride - 2 * Padding + KernelSize,
            (input.Shape[3] - 1) * Stride - 2 * Padding + KernelSize);
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], oh, ow);
        try
        {
            MaxPooling.Unpool(input, indices, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
