using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.ReLU: max(x, 0).</summary>
public sealed class ReLU : ActivationModule
{
    /// <inheritdoc />
    public override Epilogue Epilogue => new(FusedActivation.Relu);

    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Activations.Relu(input, output);
}
