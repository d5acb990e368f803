using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Softmax(dim): for NCHW segmentation logits use dim 1 (per-pixel class probabilities).</summary>
public sealed class Softmax(int dim = 1) : Module
{
    /// <summary>The dimension normalized over.</summary>
    public int Dim { get; } = dim;

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = Tensor.Empty(input.Shape);
        try
        {
            Tensors.Operations.Softmax.Forward(input, output, Dim);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor)
    {
        Tensors.Operations.Softmax.Forward(tensor, tensor, Dim);
        return true;
    }
}
