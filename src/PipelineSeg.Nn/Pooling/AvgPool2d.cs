using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.AvgPool2d with PyTorch's ceil_mode, count_include_pad and divisor_override semantics.</summary>
public sealed class AvgPool2d : Module
{
    /// <summary>Square window; stride defaults to the kernel size.</summary>
    public AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
        : this(new Pool2dGeometry(kernelSize, kernelSize, stride ?? kernelSize, stride ?? kernelSize, padding, padding, 1, 1, ceilMode), countIncludePad, divisorOverride)
    {
    }

    /// <summary>Any window geometry (dilation must be 1).</summary>
    public AvgPool2d(Pool2dGeometry geometry, bool countIncludePad = true, int? divisorOverride = null)
    {
        geometry.Validate("AvgPool2d");
        Geometry = geometry;
        CountIncludePad = countIncludePad;
        DivisorOverride = divisorOverride;
    }

    /// <summary>The window geometry.</summary>
    public Pool2dGeometry Geometry { get; }

    /// <summary>Whether zero padding counts in the divisor.</summary>
    public bool CountIncludePad { get; }

    /// <summary>A fixed divisor replacing the window size.</summary>
    public int? DivisorOverride { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"AvgPool2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var (oh, ow) = Geometry.OutputSize(input.Shape[2], input.Shape[3]);
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"AvgPool2d: input {input} too small for {Geometry}", nameof(input));
        }
        var output = Tensor.Empty(input.Shape[0], input.Shape[1], oh, ow);
        try
        {
            AveragePooling.Forward(input, Geometry, output, CountIncludePad, DivisorOverride);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }
}
