using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>
/// The U-Net of tools/training/unet.py (and plugins/PipelineSeg.Plugins.UNet) as TorchSharp modules, so its state dict
/// loads unchanged: <c>encoders.{i}.{0,1,3,4}.*</c>, <c>bottleneck.*</c>, <c>upsamples.{j}.*</c>, <c>decoders.{j}.*</c>,
/// <c>head.*</c> (decoder 0 is the deepest). Dropout has no parameters and is off in eval mode, so it is left out.
/// </summary>
internal sealed class TorchUNet : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> encoders;
    private readonly MaxPool2d pool;
    private readonly Sequential bottleneck;
    private readonly ModuleList<ConvTranspose2d> upsamples;
    private readonly ModuleList<Sequential> decoders;
    private readonly Conv2d head;

    public TorchUNet(int inChannels, int classes, int baseWidth, int depth)
        : base(nameof(TorchUNet))
    {
        long Width(int level) => (long)baseWidth << level;
        encoders = new ModuleList<Sequential>([.. Enumerable.Range(0, depth).Select(i => DoubleConv(i == 0 ? inChannels : Width(i - 1), Width(i)))]);
        pool = MaxPool2d(2);
        bottleneck = DoubleConv(Width(depth - 1), Width(depth));
        upsamples = new ModuleList<ConvTranspose2d>([.. Enumerable.Range(0, depth).Reverse().Select(i => ConvTranspose2d(Width(i + 1), Width(i), 2, stride: 2))]);
        decoders = new ModuleList<Sequential>([.. Enumerable.Range(0, depth).Reverse().Select(i => DoubleConv(Width(i + 1), Width(i)))]);
        head = Conv2d(baseWidth, classes, 1);
        RegisterComponents();
    }

    /// <summary>Logits [N, classes, H, W].</summary>
    public override Tensor forward(Tensor input)
    {
        var skips = new List<Tensor>(encoders.Count);
        var x = input;
        foreach (var encoder in encoders)
        {
            x = encoder.call(x);
            skips.Add(x);
            x = pool.call(x);
        }
        x = bottleneck.call(x);
        for (var j = 0; j < decoders.Count; j++)
        {
            x = decoders[j].call(cat([upsamples[j].call(x), skips[^(j + 1)]], 1));
        }
        return head.call(x);
    }

    private static Sequential DoubleConv(long inChannels, long outChannels) => Sequential(
        Conv2d(inChannels, outChannels, 3, padding: 1, bias: false), BatchNorm2d(outChannels), ReLU(),
        Conv2d(outChannels, outChannels, 3, padding: 1, bias: false), BatchNorm2d(outChannels), ReLU());
}
