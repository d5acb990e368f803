using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Sigmoid: 1 / (1 + e^-x).</summary>
public sealed class Sigmoid : ActivationModule
{
    /// <inheritdoc />
    public override Epilogue Epilogue => new(FusedActivation.Sigmoid);

    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Activations.Sigmoid(input, output);
}
