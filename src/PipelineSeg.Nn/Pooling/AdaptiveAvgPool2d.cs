using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.AdaptiveAvgPool2d: averages into a fixed output size (1 gives global average pooling).</summary>
public sealed class AdaptiveAvgPool2d : Module
{
    /// <summary>Square output.</summary>
    public AdaptiveAvgPool2d(int outputSize) : this(outputSize, outputSize)
    {
    }

    /// <summary>Output height and width.</summary>
    public AdaptiveAvgPool2d(int outputHeight, int outputWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputWidth, 1);
        OutputHeight = outputHeight;
        OutputWidth = outputWidth;
    }

    /// <summary>Output height.</summary>
    public int OutputHeight { get; }

    /// <summary>Output width.</summary>
    public int OutputWidth { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"AdaptiveAvgPool2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], OutputHeight, OutputWidth);
        try
        {
            AveragePooling.Adaptive(input, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
