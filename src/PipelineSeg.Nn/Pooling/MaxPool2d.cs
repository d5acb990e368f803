using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.MaxPool2d (kernel, stride = kernel by default, padding, dilation, ceil_mode, return_indices).</summary>
public sealed class MaxPool2d : Module
{
    /// <summary>Square window.</summary>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool returnIndices = false, bool ceilMode = false)
        : this(new Pool2dGeometry(kernelSize, kernelSize, stride ?? kernelSize, stride ?? kernelSize, padding, padding, dilation, dilation, ceilMode), returnIndices)
    {
    }

    /// <summary>Any window geometry.</summary>
    public MaxPool2d(Pool2dGeometry geometry, bool returnIndices = false)
    {
        geometry.Validate("MaxPool2d");
        Geometry = geometry;
        ReturnIndices = returnIndices;
    }

    /// <summary>The window geometry.</summary>
    public Pool2dGeometry Geometry { get; }

    /// <summary>PyTorch's return_indices flag: a marker for ported code; use <see cref="ForwardWithIndices"/> to get them.</summary>
    public bool ReturnIndices { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var output = Allocate(input);
        Run(input, output, null);
        return output;
    }

    /// <inheritdoc />
    public override void ForwardInto(Tensor input, Tensor output) => MaxPooling.Forward(input, Geometry, output);

    /// <summary>Pooled values and, for every output element, the flat H×W index of its maximum (for <see cref="MaxUnpool2d"/>).</summary>
    public (Tensor Output, IndexTensor Indices) ForwardWithIndices(Tensor input)
    {
        var output = Allocate(input);
        var indices = IndexTensor.Empty(output.Shape);
        Run(input, output, indices);
        return (output, indices);
    }

    private Tensor Allocate(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4)
        {
            throw new ArgumentException($"MaxPool2d: expected a 4-D NCHW tensor, got {input}", nameof(input));
        }
        var (oh, ow) = Geometry.OutputSize(input.Shape[2], input.Shape[3]);
        if (oh < 1 || ow < 1)
        {
            throw new ArgumentException($"MaxPool2d: input {input} too small for {Geometry}", nameof(input));
        }
        return Tensor.Empty(input.Shape[0], input.Shape[1], oh, ow);
    }

    private void Run(Tensor input, Tensor output, IndexTensor? indices)
    {
        try
        {
            MaxPooling.Forward(input, Geometry, output, indices);
        }
        catch
        {
            output.Dispose();
            indices?.Dispose();
            throw;
        }
    }
}
