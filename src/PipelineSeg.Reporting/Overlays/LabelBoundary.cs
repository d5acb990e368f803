namespace PipelineSeg.Reporting.Overlays;

/// <summary>The 1-pixel boundary of a label in a 2D label image: its pixels with a 4-neighbour of another value (or the image edge).</summary>
public static class LabelBoundary
{
    /// <summary>True when pixel (x, y) carries <paramref name="label"/> and touches a pixel that does not, or the edge.</summary>
    public static bool IsBoundary(ReadOnlySpan<byte> labels, int width, int height, int x, int y, byte label)
    {
        var i = (y * width) + x;
        if (labels[i] != label)
        {
            return false;
        }
        return x == 0 || y == 0 || x == width - 1 || y == height - 1
            || labels[i - 1] != label || labels[i + 1] != label || labels[i - width] != label || labels[i + width] != label;
    }
}
