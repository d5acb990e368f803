using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>
/// The LiTS study's naive symmetric network (tools/reference/segnet_reference.py): <c>encoders.{i}</c> = [Conv3×3-BN-ReLU]×2
/// at base_width·2^i, 2×2 max-pool after each (512×512×1 → 16×16×1024 for depth 5, base 64), <c>decoders.{j}</c> =
/// [ConvT 2×2 s2-BN-ReLU, Conv3×3-BN-ReLU] back up without skips, and a 1×1 regression <c>head</c> (one channel, no activation).
/// </summary>
public sealed class NaiveSymmetricNet : Module
{
    private readonly ModuleList encoders;
    private readonly MaxPool2d pool;
    private readonly ModuleList decoders;
    private readonly Conv2d head;

    /// <summary>Builds the network with fresh weights.</summary>
    public NaiveSymmetricNet(int inChannels, int baseWidth, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseWidth, 1);
        if (depth is < 1 or > 8)
        {
            throw new ArgumentException($"parameter 'depth' = {depth} must be 1 to 8");
        }
        encoders = RegisterModule("encoders", new ModuleList());
        for (var i = 0; i < depth; i++)
        {
            var (cin, cout) = (i == 0 ? inChannels : baseWidth << (i - 1), baseWidth << i);
            encoders.Append(new Sequential(new Conv2d(cin, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU(),
                new Conv2d(cout, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU()));
        }
        pool = RegisterModule("pool", new MaxPool2d(2));
        decoders = RegisterModule("decoders", new ModuleList());
        for (var j = 0; j < depth; j++)
        {
            var cin = baseWidth << (depth - 1 - j);
            var cout = j == depth - 1 ? baseWidth : cin / 2;
            decoders.Append(new Sequential(new ConvTranspose2d(cin, cout, 2, stride: 2, bias: false), new BatchNorm2d(cout), new ReLU(),
                new Conv2d(cout, cout, 3, padding: 1, bias: false), new BatchNorm2d(cout), new ReLU()));
        }
        head = RegisterModule("head", new Conv2d(baseWidth, 1, 1));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = input.Share();
        try
        {
            foreach (var encoder in encoders)
            {
                using var features = encoder.Forward(x);
                x.Dispose();
                x = pool.Forward(features);
            }
            foreach (var decoder in decoders)
            {
                var next = decoder.Forward(x);
                x.Dispose();
                x = next;
            }
            return head.Forward(x);
        }
        finally
        {
            x.Dispose();
        }
    }
}
