using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>pytorch-semseg's <c>segnetDown2</c>/<c>segnetDown3</c>: conv1…convN then 2×2 max-pool keeping the indices
/// and the pre-pool size for the decoder's unpooling.</summary>
public sealed class SegNetDown : Module
{
    private readonly Conv2DBatchNormRelu[] convs;
    private readonly MaxPool2d pool;

    /// <summary><paramref name="count"/> units (2 or 3), the first from <paramref name="inChannels"/>.</summary>
    public SegNetDown(int inChannels, int outChannels, int count)
    {
        convs = [.. Enumerable.Range(0, count).Select(i => RegisterModule($"conv{i + 1}", new Conv2DBatchNormRelu(i == 0 ? inChannels : outChannels, outChannels)))];
        pool = RegisterModule("maxpool_with_argmax", new MaxPool2d(2, 2, returnIndices: true));
    }

    /// <summary>(pooled, indices, (height, width) before pooling).</summary>
    public (Tensor Output, IndexTensor Indices, (int Height, int Width) Size) ForwardDown(Tensor input)
    {
        var x = input.Share();
        try
        {
            foreach (var conv in convs)
            {
                var next = conv.Forward(x);
                x.Dispose();
                x = next;
            }
            var (pooled, indices) = pool.ForwardWithIndices(x);
            return (pooled, indices, (x.Shape[2], x.Shape[3]));
        }
        finally
        {
            x.Dispose();
        }
    }
}
