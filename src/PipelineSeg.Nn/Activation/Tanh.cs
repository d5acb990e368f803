using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Tanh.</summary>
public sealed class Tanh : ActivationModule
{
    /// <inheritdoc />
    public override Epilogue Epilogue => new(FusedActivation.Tanh);

    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Activations.Tanh(input, output);
}
