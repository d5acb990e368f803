using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PipelineSeg.Backends.Torch.Families.SegNet;

/// <summary>pytorch-semseg's <c>segnetDown2</c>/<c>segnetDown3</c>: <c>conv1..convN</c>, then 2×2 max pooling that keeps
/// its indices and the pre-pooling size for the matching <see cref="SegNetUp"/>.</summary>
internal sealed class SegNetDown : Module
{
    private readonly ConvBatchNormRelu[] convs;

    public SegNetDown(long inChannels, long outChannels, int count)
        : base(nameof(SegNetDown))
    {
        convs = [.. Enumerable.Range(0, count).Select(i => new ConvBatchNormRelu(i == 0 ? inChannels : outChannels, outChannels))];
        for (var i = 0; i < count; i++)
        {
            register_module($"conv{i + 1}", convs[i]);
        }
    }

    public (Tensor Output, Tensor Indices, long[] Size) Forward(Tensor input)
    {
        var x = input;
        foreach (var conv in convs)
        {
            x = conv.call(x);
        }
        var (output, indices) = functional.max_pool2d_with_indices(x, [2, 2], [2, 2]);
        return (output, indices, [x.shape[2], x.shape[3]]);
    }
}
