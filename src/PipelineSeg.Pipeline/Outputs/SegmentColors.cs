using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>
/// The display colour of every segment: the manifest's RGB where it has one, otherwise the next colour of a fixed palette
/// that no other segment uses, so viewers never fall back to drawing all segments in one colour.
/// </summary>
public static class SegmentColors
{
    /// <summary>Distinct, saturated default colours (RGB), in the order segments without a manifest colour take them.</summary>
    public static readonly IReadOnlyList<(byte R, byte G, byte B)> Palette =
    [
        (230, 25, 75), (60, 180, 75), (0, 130, 200), (245, 130, 48), (145, 30, 180), (70, 240, 240),
        (240, 50, 230), (210, 245, 60), (250, 190, 190), (0, 128, 128), (230, 190, 255), (170, 110, 40),
        (255, 250, 200), (128, 0, 0), (170, 255, 195), (128, 128, 0), (255, 215, 180), (0, 0, 128),
    ];

    /// <summary>One RGB colour per class, in the order given; a palette colour is used at most once while the palette lasts.</summary>
    public static IReadOnlyList<(byte R, byte G, byte B)> For(IReadOnlyList<SegmentClass> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var taken = classes.Where(c => c.Color is { Count: 3 }).Select(Of).ToHashSet();
        var free = Palette.Where(p => !taken.Contains(p)).ToList();
        if (free.Count == 0)
        {
            free = [.. Palette];
        }
        var next = 0;
        return classes.Select(c => c.Color is { Count: 3 } ? Of(c) : free[next++ % free.Count]).ToList();
    }

    private static (byte R, byte G, byte B) Of(SegmentClass c) =>
        ((byte)Math.Clamp(c.Color![0], 0, 255), (byte)Math.Clamp(c.Color[1], 0, 255), (byte)Math.Clamp(c.Color[2], 0, 255));
}
