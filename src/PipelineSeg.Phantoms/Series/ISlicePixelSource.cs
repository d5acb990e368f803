namespace PipelineSeg.Phantoms.Series;

/// <summary>The pixels of a synthetic series, one slice at a time, in Hounsfield units.</summary>
public interface ISlicePixelSource
{
    /// <summary>Fills <paramref name="hu"/> (rows × columns, row-major) with slice <paramref name="slice"/>; may be called in parallel.</summary>
    void ReadSlice(int slice, Span<short> hu);
}
