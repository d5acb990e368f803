using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>pytorch-semseg's <c>segnetUp2</c>/<c>segnetUp3</c>: MaxUnpool2d with the encoder's indices and size, then
/// <c>conv1..convN</c> in→in … in→out.</summary>
internal sealed class SegNetUp : Module
{
    private readonly ConvBatchNormRelu[] convs;

    public SegNetUp(long inChannels, long outChannels, int count)
        : base(nameof(SegNetUp))
    {
        convs = [.. Enumerable.Range(0, count).Select(i => new ConvBatchNormRelu(inChannels, i == count - 1 ? outChannels : inChannels))];
        for (var i = 0; i < count; i++)
        {
            register_module($"conv{i + 1}", convs[i]);
        }
    }

    public Tensor Forward(Tensor input, Tensor indices, long[] size)
    {
        var x = MaxUnpool.Apply(input, indices, size[0], size[1]);
        foreach (var conv in convs)
        {
            x = conv.call(x);
        }
        return x;
    }
}
