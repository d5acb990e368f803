using Microsoft.Extensions.Options;
using PipelineSeg.Dicom.SecondaryCapture;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Metrics;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Pipeline.Volumes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Reporting.Overlays.Output;

/// <summary>
/// Output <c>overlay</c>: an RGB Secondary Capture series in the source study for PACS that show only images — per
/// key slice (or every slice) the CT in the configured window with each segment's fill and contour in its SEG colour,
/// the ground truth dashed when there is one, legend and "NOT FOR DIAGNOSIS" burned in (Burned In Annotation YES), on
/// the source slice's grid and geometry. Written to <c>overlay/SC0001.dcm</c>, … and read back before it counts.
/// </summary>
public sealed class OverlayResultWriter(IOptions<OverlayOutputOptions> options) : ISeriesResultWriter
{
    /// <summary>Folder (in the result folder) of the overlay series.</summary>
    public const string FolderName = "overlay";

    /// <inheritdoc/>
    public string Name => OutputNames.Overlay;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.Value;
        var image = await DicomVolumeLoader.LoadImageAsync(context.Series, cancellationToken).ConfigureAwait(false);
        var scene = new OverlayScene(image, context.Labels, OverlaySegments.From(context.Model.Output.Classes), WindowOf(settings, context.Model))
        {
            GroundTruth = context.GroundTruth is { Count: > 0 } pairs ? GroundTruthLabels(pairs, context.Labels) : null,
        };
        var slices = settings.Slices == OverlaySliceSelection.All
            ? Enumerable.Range(0, image.Depth).ToList()
            : KeySlices.Select(context.Labels, SlicePlane.Axial, settings.KeySliceCount);
        var render = new OverlayOptions { FillOpacity = settings.FillOpacity, SourceGrid = true };
        var frames = new List<SecondaryCaptureFrame>(slices.Count);
        foreach (var z in slices)
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames.Add(new SecondaryCaptureFrame(z, OverlayRenderer.Render(scene, SlicePlane.Axial, z, render).Rgb));
        }
        var description = $"Overlay {context.Model.Name} {context.Model.Version}";
        var folder = Path.Combine(context.Folder, FolderName);
        var (files, _) = SecondaryCaptureWriter.Write(folder, context.Series, frames, new SecondaryCaptureOptions
        {
            SeriesDescription = description.Length <= 64 ? description : description[..64],
            SeriesNumber = OutputSeriesNumbers.Overlay,
            DerivationDescription = $"Segmentation overlay by PipelineSeg ({context.Model.Id} {context.Model.Version}); not for diagnosis",
        }, cancellationToken);
        OverlayReadBack.Verify(files, context.Series, frames);
        return [.. files.Select(f => Path.GetRelativePath(context.Folder, f))];
    }

    /// <summary>The configured window, else the window the model sees its input through (what the pipeline looked at), else 40/400.</summary>
    internal static DisplayWindow WindowOf(OverlayOutputOptions settings, ModelManifest model)
    {
        var input = model.Input.Intensity;
        var modelWindow = input.Kind == IntensityKind.Window && input.Width > 0 ? new DisplayWindow(input.Center, input.Width) : DisplayWindow.Abdomen;
        return new DisplayWindow(settings.WindowCenter ?? modelWindow.Center, settings.WindowWidth ?? modelWindow.Width);
    }

    /// <summary>One label volume from the per-class ground-truth masks; a contained class (higher index) is painted last.</summary>
    internal static Volume<byte> GroundTruthLabels(IReadOnlyList<MaskPair> pairs, Volume<byte> grid)
    {
        var labels = grid.CreateLike<byte>();
        var target = labels.Span;
        foreach (var pair in pairs.OrderBy(p => p.Label))
        {
            var mask = pair.GroundTruth.Span;
            for (var i = 0; i < target.Length; i++)
            {
                if (mask[i] != 0)
                {
                    target[i] = (byte)pair.Label;
                }
            }
        }
        return labels;
    }
}
