namespace PipelineSeg.Nn;

/// <summary>Named float tensors that can be copied out one at a time (a safetensors file or an in-memory dictionary).</summary>
internal interface ITensorSource
{
    /// <summary>Where the tensors come from, for error messages.</summary>
    string Name { get; }

    IEnumerable<string> Keys { get; }

    int[] Shape(string key);

    /// <summary>Converts the tensor to float32 into <paramref name="destination"/> (which has its element count).</summary>
    void CopyTo(string key, Span<float> destination);
}
