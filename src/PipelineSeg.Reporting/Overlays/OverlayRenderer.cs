namespace PipelineSeg.Reporting.Overlays;

/// <summary>
/// The one overlay renderer, shared by the HTML report, the `view` command and the Secondary Capture output: a slice or
/// reformat of the image in a window, each segment's translucent fill and 1-pixel contour in its colour, the ground
/// truth as a dashed contour, and optionally the legend and the "NOT FOR DIAGNOSIS" banner.
/// </summary>
public static class OverlayRenderer
{
    /// <summary>Renders plane <paramref name="plane"/> at <paramref name="index"/> (z, y or x) of the scene.</summary>
    public static OverlayImage Render(OverlayScene scene, SlicePlane plane, int index, OverlayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        options ??= new OverlayOptions();
        scene.Validate();
        options.Validate();
        var section = PlaneSampler.Sample(scene, plane, index, options);
        var image = new OverlayImage(section.Width, section.Height, OverlayCompositor.Paint(section, scene, options));
        OverlayAnnotations.Draw(image, scene, options);
        return image;
    }

    /// <summary>Renders and encodes as PNG.</summary>
    public static byte[] RenderPng(OverlayScene scene, SlicePlane plane, int index, OverlayOptions? options = null) =>
        Render(scene, plane, index, options).ToPng();
}
