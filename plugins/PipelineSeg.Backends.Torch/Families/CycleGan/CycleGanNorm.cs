using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.CycleGan;

/// <summary>junyanz's <c>get_norm_layer</c> and the bias rule that goes with it (convs carry a bias only beside instance norm).</summary>
internal static class CycleGanNorm
{
    /// <summary>InstanceNorm2d without affine or running statistics, BatchNorm2d (affine, tracked), or Identity for "none".</summary>
    public static Module<Tensor, Tensor> Create(string norm, long channels) => norm switch
    {
        "instance" => InstanceNorm2d(channels, affine: false, track_running_stats: false),
        "batch" => BatchNorm2d(channels),
        "none" => Identity(),
        _ => throw new ArgumentException($"parameter 'norm' = '{norm}': one of instance, batch, none"),
    };

    /// <summary>Upstream's <c>use_bias</c>: true only for instance norm (a functools.partial of InstanceNorm2d).</summary>
    public static bool UseBias(string norm) => norm == "instance";
}
