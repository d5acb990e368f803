using PipelineSeg.Tensors;

namespace PipelineSeg.Nn;

/// <summary>A state dict held in memory as tensors.</summary>
internal sealed class DictionaryTensorSource(IReadOnlyDictionary<string, Tensor> tensors) : ITensorSource
{
    public string Name => "state dict";

    public IEnumerable<string> Keys => tensors.Keys;

    public int[] Shape(string key) => tensors[key].Shape.ToArray();

    public void CopyTo(string key, Span<float> destination) => tensors[key].Span.CopyTo(destination);
}
