using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>
/// What BatchNorm2d and InstanceNorm2d share (PyTorch's <c>_NormBase</c>): the optional affine <c>weight</c>/<c>bias</c>
/// parameters and the optional <c>running_mean</c>/<c>running_var</c> buffers, registered in PyTorch's order.
/// </summary>
public abstract class NormalizationBase : Module
{
    /// <summary>Validates the channel count and registers parameters, then buffers (the state-dict order).</summary>
    private protected NormalizationBase(int numFeatures, float eps, float momentum, bool affine, bool trackRunningStats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numFeatures, 1);
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Weight = RegisterParameter("weight", affine ? Tensor.Full(1f, numFeatures) : null);
        Bias = RegisterParameter("bias", affine ? Tensor.Zeros(numFeatures) : null);
        RunningMean = RegisterBuffer("running_mean", trackRunningStats ? Tensor.Zeros(numFeatures) : null);
        RunningVar = RegisterBuffer("running_var", trackRunningStats ? Tensor.Full(1f, numFeatures) : null);
    }

    /// <summary>Channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Running-statistics update factor in training mode.</summary>
    public float Momentum { get; }

    /// <summary>γ, or null when not affine.</summary>
    public Tensor? Weight { get; }

    /// <summary>β, or null when not affine.</summary>
    public Tensor? Bias { get; }

    /// <summary>Running mean, or null when not tracking.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running variance, or null when not tracking.</summary>
    public Tensor? RunningVar { get; }
}
