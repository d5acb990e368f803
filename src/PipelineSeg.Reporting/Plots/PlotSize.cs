namespace PipelineSeg.Reporting.Plots;

/// <summary>Pixel size of a rendered plot.</summary>
public readonly record struct PlotSize(int Width, int Height)
{
    /// <summary>The size the HTML report uses.</summary>
    public static PlotSize Default { get; } = new(640, 400);

    /// <summary>Throws when a side is outside 64–4096 pixels.</summary>
    public void Validate()
    {
        if (Width is < 64 or > 4096 || Height is < 64 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(PlotSize), $"plot size {Width}×{Height} is outside 64..4096 pixels");
        }
    }
}
