using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;
using PipelineSeg.Tensors.Operations;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.LeakyReLU: x for x ≥ 0, negative_slope·x otherwise.</summary>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : ActivationModule
{
    /// <summary>Slope for negative inputs.</summary>
    public float NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc />
    public override Epilogue Epilogue => new(FusedActivation.LeakyRelu, NegativeSlope);

    /// <inheritdoc />
    protected override void Apply(Tensor input, Tensor output) => Activations.LeakyRelu(input, output, NegativeSlope);
}
