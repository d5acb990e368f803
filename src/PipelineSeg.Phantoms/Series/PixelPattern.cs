namespace PipelineSeg.Phantoms.Series;

/// <summary>Pixels computed from their position, <c>hu(x, y, slice)</c>, for series whose content does not matter.</summary>
public sealed class PixelPattern : ISlicePixelSource
{
    private readonly int _columns;
    private readonly Func<int, int, int, short> _hu;

    /// <summary>A pattern over slices <paramref name="columns"/> pixels wide.</summary>
    public PixelPattern(int columns, Func<int, int, int, short> hu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        _columns = columns;
        _hu = hu ?? throw new ArgumentNullException(nameof(hu));
    }

    /// <inheritdoc />
    public void ReadSlice(int slice, Span<short> hu)
    {
        if (hu.Length % _columns != 0)
        {
            throw new ArgumentException($"{hu.Length} pixels are not whole rows of {_columns}", nameof(hu));
        }
        for (var i = 0; i < hu.Length; i++)
        {
            hu[i] = _hu(i % _columns, i / _columns, slice);
        }
    }
}
