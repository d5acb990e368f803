using PipelineSeg.Imaging;

namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// What an overlay shows: the image volume, the predicted label volume and optionally a ground-truth label volume, all
/// on the image's grid (voxel values are the <see cref="OverlaySegment.Label"/>s), and the window the image is shown in.
/// </summary>
public sealed record OverlayScene(
    Volume<float> Image,
    Volume<byte>? Labels,
    IReadOnlyList<OverlaySegment> Segments,
    DisplayWindow Window)
{
    /// <summary>Ground truth on the same grid, drawn as a dashed contour; null when there is none.</summary>
    public Volume<byte>? GroundTruth { get; init; }

    /// <summary>Throws when a label volume is not on the image's grid.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Image);
        ArgumentNullException.ThrowIfNull(Segments);
        if (Labels is not null && Labels.Size != Image.Size)
        {
            throw new ArgumentException($"labels are {Labels.Size}, the image is {Image.Size}");
        }
        if (GroundTruth is not null && GroundTruth.Size != Image.Size)
        {
            throw new ArgumentException($"ground truth is {GroundTruth.Size}, the image is {Image.Size}");
        }
        if (Window.Width <= 0)
        {
            throw new ArgumentException($"window width must be positive, got {Window.Width}");
        }
    }
}
