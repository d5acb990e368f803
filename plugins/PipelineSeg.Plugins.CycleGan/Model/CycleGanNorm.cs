using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.CycleGan;

/// <summary>junyanz's <c>get_norm_layer</c>: instance (no affine, no running stats; convolutions then get a bias),
/// batch (affine, running stats) or none.</summary>
internal static class CycleGanNorm
{
    public static bool UseBias(string norm) => norm == "instance";

    public static Module Create(string norm, int channels) => norm switch
    {
        "instance" => new InstanceNorm2d(channels),
        "batch" => new BatchNorm2d(channels),
        _ => new Identity(),
    };
}
