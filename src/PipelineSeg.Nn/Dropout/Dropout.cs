using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>torch.nn.Dropout: element-wise.</summary>
public sealed class Dropout(float p = 0.5f) : DropoutBase(p)
{
    private protected override void Drop(Tensor tensor, Random generator)
    {
        var span = tensor.Span;
        var keep = 1f / (1f - P);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = generator.NextSingle() < P ? 0f : span[i] * keep;
        }
    }
}
