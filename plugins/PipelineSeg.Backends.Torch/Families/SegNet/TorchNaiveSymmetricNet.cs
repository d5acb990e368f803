using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>
/// The LiTS study's naive symmetric net (tools/reference/segnet_reference.py NaiveSymmetricNet): <c>encoders.{i}</c>
/// (two conv-BN-ReLU units, then 2×2 max pooling), <c>decoders.{j}</c> (2×2 stride-2 transposed conv, BN, ReLU, then one
/// conv-BN-ReLU unit), no skips, and a 1×1 regression <c>head</c> [N, 1, H, W].
/// </summary>
internal sealed class TorchNaiveSymmetricNet : Module<Tensor, Tensor>
{
    private readonly ModuleList<Sequential> encoders;
    private readonly MaxPool2d pool;
    private readonly ModuleList<Sequential> decoders;
    private readonly Conv2d head;

    public TorchNaiveSymmetricNet(long inChannels, long baseWidth, int depth)
        : base(nameof(TorchNaiveSymmetricNet))
    {
        long Width(int level) => baseWidth << level;
        encoders = new ModuleList<Sequential>([.. Enumerable.Range(0, depth).Select(i => Sequential(
            [.. Unit(i == 0 ? inChannels : Width(i - 1), Width(i)), .. Unit(Width(i), Width(i))]))]);
        pool = MaxPool2d(2);
        decoders = new ModuleList<Sequential>([.. Enumerable.Range(0, depth).Select(j =>
        {
            var cin = Width(depth - 1 - j);
            var cout = j == depth - 1 ? baseWidth : cin / 2;
            return Sequential([ConvTranspose2d(cin, cout, 2, stride: 2, bias: false), BatchNorm2d(cout), ReLU(), .. Unit(cout, cout)]);
        })]);
        head = Conv2d(baseWidth, 1, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var encoder in encoders)
        {
            x = pool.call(encoder.call(x));
        }
        foreach (var decoder in decoders)
        {
            x = decoder.call(x);
        }
        return head.call(x);
    }

    private static Module<Tensor, Tensor>[] Unit(long inChannels, long outChannels) =>
        [Conv2d(inChannels, outChannels, 3, padding: 1, bias: false), BatchNorm2d(outChannels), ReLU()];
}
