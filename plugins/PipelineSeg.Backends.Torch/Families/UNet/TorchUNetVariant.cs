using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.UNet;

/// <summary>
/// tools/reference/unet_reference.py UNetVariant (the U-Net plugin's preset variant, and the LGAN generator): encoders,
/// bottleneck, <c>ups.{j}</c> (transposed conv, bilinear + 1×1 conv, or 1×1 conv before max-unpooling with the encoder's
/// indices), centre-cropped concat or add skips, <c>decoders.{j}</c>, 1×1 <c>head</c>. Logits.
/// </summary>
internal sealed class TorchUNetVariant : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> encoders;
    private readonly Sequential bottleneck;
    private readonly ModuleList<Module<Tensor, Tensor>> ups;
    private readonly ModuleList<Sequential> decoders;
    private readonly Conv2d head;
    private readonly bool add;
    private readonly bool unpooling;

    public TorchUNetVariant(long inChannels, long outChannels, int depth, long baseWidth, bool batchNorm, bool padding, string skip, string upsampling)
        : base(nameof(TorchUNetVariant))
    {
        (add, unpooling) = (skip == "add", upsampling == "maxunpool");
        long Width(int level) => baseWidth << level;
        encoders = new ModuleList<Sequential>([.. Enumerable.Range(0, depth).Select(i => Block(i == 0 ? inChannels : Width(i - 1), Width(i), batchNorm, padding))]);
        bottleneck = Block(Width(depth - 1), Width(depth), batchNorm, padding);
        var levels = Enumerable.Range(0, depth).Reverse().ToList();
        ups = new ModuleList<Module<Tensor, Tensor>>([.. levels.Select(level => Up(Width(level + 1), Width(level), upsampling))]);
        decoders = new ModuleList<Sequential>([.. levels.Select(level => Block(add ? Width(level) : 2 * Width(level), Width(level), batchNorm, padding))]);
        head = Conv2d(baseWidth, outChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var (skips, indices) = (new List<Tensor>(), new List<Tensor>());
        var x = input;
        foreach (var encoder in encoders)
        {
            x = encoder.call(x);
            skips.Add(x);
            (x, var index) = functional.max_pool2d_with_indices(x, [2, 2], [2, 2]);
            indices.Add(index);
        }
        x = bottleneck.call(x);
        for (var j = 0; j < decoders.Count; j++)
        {
            var level = encoders.Count - 1 - j;
            var skip = skips[level];
            var u = unpooling
                ? MaxUnpool.Apply(ups[j].call(x), indices[level], skip.shape[2], skip.shape[3])
                : ups[j].call(x);
            var (dy, dx) = ((skip.shape[2] - u.shape[2]) / 2, (skip.shape[3] - u.shape[3]) / 2);
            skip = skip.narrow(2, dy, u.shape[2]).narrow(3, dx, u.shape[3]);
            x = decoders[j].call(add ? skip + u : cat([skip, u], 1));
        }
        return head.call(x);
    }

    private static Module<Tensor, Tensor> Up(long inChannels, long outChannels, string upsampling) => upsampling switch
    {
        "transposed" => ConvTranspose2d(inChannels, outChannels, 2, stride: 2),
        "bilinear" => Sequential(Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false), Conv2d(inChannels, outChannels, 1)),
        _ => Conv2d(inChannels, outChannels, 1),
    };

    private static Sequential Block(long inChannels, long outChannels, bool batchNorm, bool padding)
    {
        var p = padding ? 1 : 0;
        return batchNorm
            ? Sequential(Conv2d(inChannels, outChannels, 3, padding: p, bias: false), BatchNorm2d(outChannels), ReLU(),
                Conv2d(outChannels, outChannels, 3, padding: p, bias: false), BatchNorm2d(outChannels), ReLU())
            : Sequential(Conv2d(inChannels, outChannels, 3, padding: p), ReLU(), Conv2d(outChannels, outChannels, 3, padding: p), ReLU());
    }
}
