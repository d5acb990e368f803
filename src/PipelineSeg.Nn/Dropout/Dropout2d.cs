using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Dropout2d: zeroes whole channels (N·C planes).</summary>
public sealed class Dropout2d(float p = 0.5f) : DropoutBase(p)
{
    private protected override void Drop(Tensor tensor, Random generator)
    {
        if (tensor.Rank < 3)
        {
            throw new ArgumentException($"Dropout2d: expected [N, C, H, W] or [C, H, W], got {tensor}", nameof(tensor));
        }
        var plane = tensor.Shape[^1] * tensor.Shape[^2];
        var span = tensor.Span;
        var keep = 1f / (1f - P);
        for (var start = 0; start < span.Length; start += plane)
        {
            var channel = span.Slice(start, plane);
            if (generator.NextSingle() < P)
            {
                channel.Clear();
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(channel, keep, channel);
            }
        }
    }
}
