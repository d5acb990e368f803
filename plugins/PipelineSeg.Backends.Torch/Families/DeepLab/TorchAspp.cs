using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.DeepLab;

/// <summary>
/// torchvision's <c>ASPP</c>: <c>convs</c> = [1×1 conv, three 3×3 atrous convs (the rates), image pooling], each with BN
/// and ReLU, concatenated and reduced by <c>project</c> = Sequential(1×1 conv, BN, ReLU, Dropout(0.5)); the dropout is
/// off in eval mode and has no parameters, so only its index is kept.
/// </summary>
internal sealed class TorchAspp : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> convs;
    private readonly Sequential project;

    public TorchAspp(long inChannels, IReadOnlyList<long> rates, long outChannels)
        : base(nameof(TorchAspp))
    {
        convs = new ModuleList<Module<Tensor, Tensor>>(
        [
            Sequential(Conv2d(inChannels, outChannels, 1, bias: false), BatchNorm2d(outChannels), ReLU()),
            .. rates.Select(r => Sequential(Conv2d(inChannels, outChannels, 3, padding: r, dilation: r, bias: false), BatchNorm2d(outChannels), ReLU())),
            new TorchAsppPooling(inChannels, outChannels),
        ]);
        project = Sequential(Conv2d(convs.Count * outChannels, outChannels, 1, bias: false), BatchNorm2d(outChannels), ReLU(), Dropout(0.5));
        register_module("convs", convs);
        register_module("project", project);
    }

    public override Tensor forward(Tensor input) => project.call(cat([.. convs.Select(branch => branch.call(input))], 1));
}
