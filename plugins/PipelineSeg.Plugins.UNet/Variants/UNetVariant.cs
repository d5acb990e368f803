using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.UNet;

/// <summary>
/// The configurable U-Net (tools/reference/unet_variants.py, same state-dict keys): <c>encoders.{i}</c>, <c>bottleneck</c>,
/// <c>ups.{j}</c> (each maps level l+1 to level l channels at twice the size), <c>decoders.{j}</c>, <c>head</c>; decoder
/// j = 0 is the deepest. Logits out.
/// </summary>
public sealed class UNetVariant : Module
{
    private readonly ModuleList encoders;
    private readonly MaxPool2d pool;
    private readonly Sequential bottleneck;
    private readonly ModuleList ups;
    private readonly MaxUnpool2d unpool;
    private readonly ModuleList decoders;
    private readonly Conv2d head;

    /// <summary>Builds the network with fresh weights.</summary>
    public UNetVariant(UNetVariantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        encoders = RegisterModule("encoders", new ModuleList());
        for (var i = 0; i < options.Depth; i++)
        {
            encoders.Append(Block(i == 0 ? options.InChannels : options.Width(i - 1), options.Width(i)));
        }
        pool = RegisterModule("pool", new MaxPool2d(2, returnIndices: options.Upsampling == "maxunpool"));
        bottleneck = RegisterModule("bottleneck", Block(options.Width(options.Depth - 1), options.Width(options.Depth)));
        ups = RegisterModule("ups", new ModuleList());
        decoders = RegisterModule("decoders", new ModuleList());
        for (var level = options.Depth - 1; level >= 0; level--)
        {
            var (wide, narrow) = (options.Width(level + 1), options.Width(level));
            ups.Append(options.Upsampling switch
            {
                "transposed" => new ConvTranspose2d(wide, narrow, 2, stride: 2),
                "bilinear" => new Sequential(new Upsample(2.0, InterpolationMode.Bilinear), new Conv2d(wide, narrow, 1)),
                _ => new Conv2d(wide, narrow, 1),
            });
            decoders.Append(Block(options.Skip == "concat" ? 2 * narrow : narrow, narrow));
        }
        unpool = RegisterModule("unpool", new MaxUnpool2d(2));
        head = RegisterModule("head", new Conv2d(options.BaseWidth, options.OutChannels, 1));
    }

    /// <summary>The architecture.</summary>
    public UNetVariantOptions Options { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var depth = Options.Depth;
        var skips = new Tensor?[depth];
        var indices = new IndexTensor?[depth];
        var x = input.Share();
        try
        {
            for (var i = 0; i < depth; i++)
            {
                skips[i] = encoders[i].Forward(x);
                if (Options.Upsampling == "maxunpool")
                {
                    var (pooled, index) = pool.ForwardWithIndices(skips[i]!);
                    indices[i] = index;
                    Replace(ref x, pooled);
                }
                else
                {
                    Replace(ref x, pool.Forward(skips[i]!));
                }
            }
            Replace(ref x, bottleneck.Forward(x));
            for (var j = 0; j < depth; j++)
            {
                var level = depth - 1 - j;
                var skip = skips[level]!;
                using var up = Upsample(j, x, skip, indices[level]);
                using var cropped = up.Shape[2] == skip.Shape[2] && up.Shape[3] == skip.Shape[3] ? skip.Share() : SpatialCrop.Center(skip, up.Shape[2], up.Shape[3]);
                using var merged = Options.Skip == "concat" ? Functional.Cat([cropped, up]) : Functional.Add(cropped, up);
                Replace(ref x, decoders[j].Forward(merged));
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
            foreach (var i in indices)
            {
                i?.Dispose();
            }
        }
    }

    private Tensor Upsample(int j, Tensor x, Tensor skip, IndexTensor? index)
    {
        if (index is null)
        {
            return ups[j].Forward(x);
        }
        using var narrowed = ups[j].Forward(x);
        return unpool.Forward(narrowed, index, (skip.Shape[2], skip.Shape[3]));
    }

    private static void Replace(ref Tensor x, Tensor next)
    {
        x.Dispose();
        x = next;
    }

    private Sequential Block(int inChannels, int outChannels)
    {
        var padding = Options.Padding ? 1 : 0;
        return Options.BatchNorm
            ? new Sequential(
                new Conv2d(inChannels, outChannels, 3, padding: padding, bias: false), new BatchNorm2d(outChannels), new ReLU(),
                new Conv2d(outChannels, outChannels, 3, padding: padding, bias: false), new BatchNorm2d(outChannels), new ReLU())
            : new Sequential(
                new Conv2d(inChannels, outChannels, 3, padding: padding), new ReLU(),
                new Conv2d(outChannels, outChannels, 3, padding: padding), new ReLU());
    }
}
