namespace PipelineSeg.Tensors.Kernels;

/// <summary>Activation applied to a kernel's output while it is still in registers or cache.</summary>
public enum FusedActivation
{
    /// <summary>Identity.</summary>
    None,

    /// <summary>max(x, 0).</summary>
    Relu,

    /// <summary>x for x ≥ 0, otherwise x · negative slope.</summary>
    LeakyRelu,

    /// <summary>1 / (1 + e^-x).</summary>
    Sigmoid,

    /// <summary>tanh(x).</summary>
    Tanh,
}
