using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// The U-Net of tools/training/unet.py: per level [Conv3×3 (no bias)-BN-ReLU]×2, 2×2 max-pool down, 2×2 stride-2
/// transposed conv up, concat (upsampled, skip), 1×1 head producing logits. State-dict keys match PyTorch's:
/// <c>encoders.{i}.{0,1,3,4}.*</c>, <c>bottleneck.*</c>, <c>upsamples.{j}.*</c>, <c>decoders.{j}.*</c>, <c>head.*</c>
/// (decoder j = 0 is the deepest).
/// </summary>
public sealed class UNetModule : Module
{
    private readonly ModuleList encoders;
    private readonly MaxPool2d pool;
    private readonly Sequential bottleneck;
    private readonly Dropout2d dropout;
    private readonly ModuleList upsamples;
    private readonly ModuleList decoders;
    private readonly Conv2d head;

    /// <summary>Builds the network with freshly initialised weights (load a state dict before use).</summary>
    public UNetModule(UNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var depth = options.Depth;
        encoders = RegisterModule("encoders", new ModuleList());
        for (var i = 0; i < depth; i++)
        {
            encoders.Append(DoubleConv(i == 0 ? options.InChannels : options.Width(i - 1), options.Width(i)));
        }
        pool = RegisterModule("pool", new MaxPool2d(2));
        bottleneck = RegisterModule("bottleneck", DoubleConv(options.Width(depth - 1), options.Width(depth)));
        dropout = RegisterModule("dropout", new Dropout2d(options.Dropout));
        upsamples = RegisterModule("upsamples", new ModuleList());
        decoders = RegisterModule("decoders", new ModuleList());
        for (var level = depth - 1; level >= 0; level--)
        {
            upsamples.Append(new ConvTranspose2d(options.Width(level + 1), options.Width(level), 2, stride: 2));
            decoders.Append(DoubleConv(options.Width(level + 1), options.Width(level)));
        }
        head = RegisterModule("head", new Conv2d(options.BaseWidth, options.Classes, 1));
    }

    /// <summary>The architecture.</summary>
    public UNetOptions Options { get; }

    /// <summary>Logits [N, Classes, H, W] for input [N, InChannels, H, W].</summary>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var depth = Options.Depth;
        var skips = new Tensor?[depth];
        var x = input.Share();
        try
        {
            for (var i = 0; i < depth; i++)
            {
                skips[i] = encoders[i].Forward(x);
                Replace(ref x, pool.Forward(skips[i]!));
            }
            Replace(ref x, bottleneck.Forward(x));
            Replace(ref x, dropout.Forward(x));
            for (var j = 0; j < depth; j++)
            {
                using var up = upsamples[j].Forward(x);
                using var cat = Concat.Cat([up, skips[depth - 1 - j]!]);
                Replace(ref x, decoders[j].Forward(cat));
            }
            return head.Forward(x);
        }
        finally
        {
            x.Dispose();
            foreach (var s in skips)
            {
                s?.Dispose();
            }
        }
    }

    private static void Replace(ref Tensor x, Tensor next)
    {
        x.Dispose();
        x = next;
    }

    private static Sequential DoubleConv(int inChannels, int outChannels) => new(
        new Conv2d(inChannels, outChannels, 3, padding: 1, bias: false), new BatchNorm2d(outChannels), new ReLU(),
        new Conv2d(outChannels, outChannels, 3, padding: 1, bias: false), new BatchNorm2d(outChannels), new ReLU());
}
