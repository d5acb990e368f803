namespace PipelineSeg.Nn;

/// <summary>A tensor of a torch file as <c>_rebuild_tensor_v2</c> describes it: a storage, an element offset, a shape and
/// strides (a saved tensor may be a non-contiguous view). Copied out to float32 in row-major order on demand.</summary>
internal sealed class TorchTensorReference(TorchStorage storage, long offset, int[] shape, long[] stride)
{
    public TorchStorage Storage { get; } = storage;

    public int[] Shape { get; } = shape;

    public long ElementCount => Shape.Aggregate(1L, (a, d) => a * d);

    /// <summary>Checks that every element the shape and strides reach lies inside the storage.</summary>
    public void Validate(string name)
    {
        if (stride.Length != Shape.Length || Shape.Any(d => d < 0) || stride.Any(s => s < 0) || offset < 0)
        {
            throw new InvalidDataException($"tensor '{name}': invalid size ({string.Join(", ", Shape)}) / stride ({string.Join(", ", stride)}) / offset {offset}");
        }
        var last = offset + Shape.Select((d, i) => d == 0 ? 0 : (d - 1) * stride[i]).Sum();
        if (ElementCount > 0 && last >= Storage.ElementCount)
        {
            throw new InvalidDataException($"tensor '{name}' reaches element {last} of a storage of {Storage.ElementCount}");
        }
    }

    private bool IsContiguous()
    {
        long expected = 1;
        for (var d = Shape.Length - 1; d >= 0; d--)
        {
            if (Shape[d] != 1 && stride[d] != expected)
            {
                return false;
            }
            expected *= Shape[d];
        }
        return true;
    }

    public void CopyTo(Span<float> destination)
    {
        if (destination.Length != ElementCount)
        {
            throw new ArgumentException($"tensor has {ElementCount} elements, destination {destination.Length}", nameof(destination));
        }
        if (ElementCount == 0)
        {
            return;
        }
        if (IsContiguous())
        {
            Storage.CopyContiguous(offset, destination);
            return;
        }
        var rank = Shape.Length;
        var index = new int[rank];
        var position = offset;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = Storage.Read(position);
            // Odometer over the shape, last dimension fastest, carrying the storage position by the strides.
            for (var d = rank - 1; d >= 0; d--)
            {
                position += stride[d];
                if (++index[d] < Shape[d])
                {
                    break;
                }
                position -= stride[d] * Shape[d];
                index[d] = 0;
            }
        }
    }
}
