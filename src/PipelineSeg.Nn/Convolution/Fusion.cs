namespace PipelineSeg.Nn;

/// <summary>
/// Fuses conv → BatchNorm2d → activation chains for eval mode, like <c>torch.ao.quantization.fuse_modules</c>: the
/// convolution computes the whole chain (BN folded into its weights, activation in its epilogue) and the fused modules
/// pass their input through. State-dict keys are unchanged, so checkpoints still load; folding is recomputed after
/// every load. <see cref="Sequential"/> does this by itself for adjacent children.
/// </summary>
public static class Fusion
{
    /// <summary>Fuses <paramref name="batchNorm"/> and/or <paramref name="activation"/> into <paramref name="convolution"/>.</summary>
    /// <exception cref="ArgumentException">The modules cannot be fused (channel count, activation type, already fused).</exception>
    public static void Fuse(ConvolutionBase convolution, BatchNorm2d? batchNorm, Module? activation)
    {
        ArgumentNullException.ThrowIfNull(convolution);
        if (!CanFuse(convolution, batchNorm, activation, out var reason))
        {
            throw new ArgumentException($"cannot fuse {convolution}: {reason}");
        }
        var act = activation as ActivationModule;
        convolution.SetFusion(batchNorm, act, act?.Epilogue ?? default);
        if (batchNorm is not null)
        {
            batchNorm.FoldedInto = convolution;
        }
        if (act is not null)
        {
            act.FusedInto = convolution;
        }
    }

    /// <summary>Whether <see cref="Fuse"/> would succeed; <paramref name="reason"/> says why not.</summary>
    public static bool CanFuse(ConvolutionBase convolution, BatchNorm2d? batchNorm, Module? activation, out string reason)
    {
        ArgumentNullException.ThrowIfNull(convolution);
        reason = "";
        if (convolution.FusedBatchNorm is not null || convolution.FusedActivationModule is not null)
        {
            reason = "it is already fused";
        }
        else if (batchNorm is { FoldedInto: not null })
        {
            reason = "the BatchNorm2d is already folded into another convolution";
        }
        else if (batchNorm is not null && batchNorm.RunningMean is null)
        {
            reason = "BatchNorm2d without running statistics cannot be folded";
        }
        else if (batchNorm is not null && batchNorm.NumFeatures != convolution.OutChannels)
        {
            reason = $"BatchNorm2d has {batchNorm.NumFeatures} features, the convolution {convolution.OutChannels} outputs";
        }
        else if (activation is not null and not ActivationModule)
        {
            reason = $"{activation.GetType().Name} is not an activation the kernels can apply";
        }
        else if (activation is ActivationModule { FusedInto: not null })
        {
            reason = "the activation is already fused into another convolution";
        }
        else if (batchNorm is null && activation is null)
        {
            reason = "nothing to fuse";
        }
        return reason.Length == 0;
    }
}
