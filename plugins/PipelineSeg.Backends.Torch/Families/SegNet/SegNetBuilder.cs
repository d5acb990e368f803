using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>
/// The SegNet plugin's presets with its parameter names and defaults (SegNetFamily): segnet-vgg16-bn (n_classes 21,
/// in_channels 3; softmax classes) and naive-symmetric (in_channels 1, base_width 64, depth 5; the regression map p
/// given as [1 − p, p] clamped, as SegNetSegmentationModel does).
/// </summary>
internal sealed class SegNetBuilder : INativeFamilyBuilder
{
    public string Supports => "segnet (presets segnet-vgg16-bn, naive-symmetric)";

    public bool Accepts(ModelManifest model) =>
        model.Family == "segnet" && model.Parameters.GetValueOrDefault("preset", "segnet-vgg16-bn") is "segnet-vgg16-bn" or "naive-symmetric";

    public NativeNetwork Build(ModelManifest model)
    {
        if (model.Parameters.GetValueOrDefault("preset") == "naive-symmetric")
        {
            var net = new TorchNaiveSymmetricNet(model.GetInt32("in_channels", 1), model.GetInt32("base_width", 64), model.GetInt32("depth", 5));
            return new NativeNetwork(net, OutputHeads.ForegroundToTwoClasses(1, 0), "SegNet (naive-symmetric)");
        }
        var segnet = new TorchSegNet(model.GetInt32("n_classes", 21), model.GetInt32("in_channels", 3));
        return new NativeNetwork(segnet, y => y.softmax(1), "SegNet (segnet-vgg16-bn)");
    }
}
