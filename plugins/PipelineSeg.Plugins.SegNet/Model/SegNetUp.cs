using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>pytorch-semseg's <c>segnetUp2</c>/<c>segnetUp3</c>: MaxUnpool2d with the encoder's indices and size, then
/// units in→in … in→out (the last unit maps to <c>out_size</c>).</summary>
public sealed class SegNetUp : Module
{
    private readonly MaxUnpool2d unpool;
    private readonly Conv2DBatchNormRelu[] convs;

    /// <summary><paramref name="count"/> units (2 or 3).</summary>
    public SegNetUp(int inChannels, int outChannels, int count)
    {
        unpool = RegisterModule("unpool", new MaxUnpool2d(2, 2));
        convs = [.. Enumerable.Range(0, count).Select(i => RegisterModule($"conv{i + 1}", new Conv2DBatchNormRelu(inChannels, i == count - 1 ? outChannels : inChannels)))];
    }

    /// <summary>Unpools to <paramref name="size"/> and convolves.</summary>
    public Tensor Forward(Tensor input, IndexTensor indices, (int Height, int Width) size)
    {
        var x = unpool.Forward(input, indices, size);
        try
        {
            foreach (var conv in convs)
            {
                var next = conv.Forward(x);
                x.Dispose();
                x = next;
            }
            var result = x;
            x = null!;
            return result;
        }
        finally
        {
            x?.Dispose();
        }
    }
}
