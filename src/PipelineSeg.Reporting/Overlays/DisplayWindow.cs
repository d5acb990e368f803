namespace PipelineSeg.Reporting.Overlays;

/// <summary>A grey-level window (centre and width in the image's units, HU for CT) mapped linearly onto 0–255.</summary>
public readonly record struct DisplayWindow(double Center, double Width)
{
    /// <summary>The soft-tissue abdomen window (40/400 HU), the default for abdominal CT.</summary>
    public static DisplayWindow Abdomen { get; } = new(40, 400);

    /// <summary>The grey level of <paramref name="value"/>: 0 at or below the window, 255 at or above it.</summary>
    public byte Map(float value)
    {
        var t = (value - (Center - (Width / 2))) / Width;
        return (byte)Math.Round(Math.Clamp(t, 0, 1) * 255);
    }
}
