using PipelineSeg.Tensors;
using PipelineSeg.Tensors.Kernels;

namespace PipelineSeg.Nn;

/// <summary>An element-wise activation: works in place inside containers and can be fused into a preceding convolution.</summary>
public abstract class ActivationModule : Module
{
    /// <summary>The convolution whose epilogue applies this activation, if fused.</summary>
    public ConvolutionBase? FusedInto { get; internal set; }

    /// <summary>The kernel epilogue equivalent to this activation.</summary>
    public abstract Epilogue Epilogue { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (FusedInto is { FusionActive: true })
        {
            return input.Share();
        }
        var output = Tensor.Empty(input.Shape);
        Apply(input, output);
        return output;
    }

    /// <inheritdoc />
    public override void ForwardInto(Tensor input, Tensor output)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (FusedInto is { FusionActive: true })
        {
            input.CopyTo(output);
            return;
        }
        Apply(input, output);
    }

    /// <inheritdoc />
    protected internal override bool TryForwardInPlace(Tensor tensor)
    {
        if (FusedInto is not { FusionActive: true })
        {
            Apply(tensor, tensor);
        }
        return true;
    }

    /// <summary>Writes the activation of <paramref name="input"/> into <paramref name="output"/> (same shape; may be the same tensor).</summary>
    protected abstract void Apply(Tensor input, Tensor output);
}
