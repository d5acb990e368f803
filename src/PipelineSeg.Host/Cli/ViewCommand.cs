using System.CommandLine;
using System.Globalization;
using PipelineSeg.Reporting.Overlays;
using PipelineSeg.Reporting.Overlays.Loading;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg view --series DIR [--seg FILE] [--gt FILE] (--slice N | --key) [--plane axial|coronal|sagittal] --png OUT</c>:
/// the report's overlay renderer from the command line — a slice or reformat in a window with each segment's fill and
/// contour, the ground truth dashed, legend and "NOT FOR DIAGNOSIS" banner, written as PNG.
/// </summary>
internal sealed class ViewCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var series = new Option<string>("--series", "-i") { Description = "Folder of one DICOM image series", Required = true, HelpName = "dir" };
        series.Validators.Add(r => Require(r, r.GetValueOrDefault<string>(), "--series", folder: true));
        var seg = new Option<string?>("--seg") { Description = "Segmentation on the series' grid: DICOM-SEG, NIfTI or mask series", HelpName = "file" };
        seg.Validators.Add(r => Require(r, r.GetValueOrDefault<string?>(), "--seg", folder: false));
        var gt = new Option<string?>("--gt") { Description = "Ground truth, drawn as a dashed contour (same formats)", HelpName = "file" };
        gt.Validators.Add(r => Require(r, r.GetValueOrDefault<string?>(), "--gt", folder: false));
        var slice = new Option<int?>("--slice") { Description = "Slice index in the chosen plane (z, y or x; 0-based)", HelpName = "n" };
        var key = new Option<bool>("--key") { Description = "The key slice: where the segments (else the ground truth) cover most" };
        var plane = new Option<string>("--plane")
        {
            Description = "Plane: the acquired axial slices or a coronal/sagittal reformat (superior at the top)",
            DefaultValueFactory = _ => "axial",
            HelpName = "axial|coronal|sagittal",
        };
        plane.AcceptOnlyFromAmong("axial", "coronal", "sagittal");
        var window = new Option<string>("--window") { Description = "Grey window CENTER,WIDTH", DefaultValueFactory = _ => "40,400", HelpName = "c,w" };
        var zoom = new Option<int>("--zoom") { Description = "Output pixels per finest voxel spacing (1–16)", DefaultValueFactory = _ => 1, HelpName = "n" };
        var png = new Option<string>("--png", "-o") { Description = "PNG file to write", Required = true, HelpName = "file" };
        var command = new Command("view", "Render a slice with the segmentation overlay (the report's renderer) to PNG")
        {
            series, seg, gt, slice, key, plane, window, zoom, png,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(slice) is null == !r.GetValue(key))
            {
                r.AddError("give exactly one of --slice N and --key");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.GetRequiredValue(png);
            var displayWindow = ParseWindow(parse.GetValue(window));
            var problem = CliPaths.CheckFile("--png", output)
                ?? (displayWindow is null ? $"--window '{parse.GetValue(window)}' must be CENTER,WIDTH with a positive width, e.g. 40,400" : null)
                ?? (parse.GetValue(zoom) is < 1 or > 16 ? $"--zoom {parse.GetValue(zoom)} must be within 1..16" : null);
            if (problem is not null)
            {
                await context.Error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            OverlayScene scene;
            try
            {
                scene = await OverlaySceneLoader.LoadAsync(parse.GetRequiredValue(series), parse.GetValue(seg), parse.GetValue(gt),
                    displayWindow!.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (OverlayInputException e)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
            var chosenPlane = Enum.Parse<SlicePlane>(parse.GetRequiredValue(plane), ignoreCase: true);
            var count = chosenPlane switch { SlicePlane.Axial => scene.Image.Depth, SlicePlane.Coronal => scene.Image.Height, _ => scene.Image.Width };
            var index = parse.GetValue(slice) ?? KeyIndex(scene, chosenPlane);
            if (index < 0 || index >= count)
            {
                await context.Error.WriteLineAsync($"error: --slice {index} is outside 0..{count - 1} ({count} {chosenPlane.ToString().ToLowerInvariant()} slices)").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            var image = OverlayRenderer.Render(scene, chosenPlane, index, new OverlayOptions { Zoom = parse.GetValue(zoom) });
            try
            {
                await File.WriteAllBytesAsync(output, image.ToPng(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await context.Error.WriteLineAsync($"error: {output}: cannot be written: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
            await context.Out.WriteLineAsync($"wrote {output} ({chosenPlane.ToString().ToLowerInvariant()} slice {index}, {image.Width}x{image.Height})").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int KeyIndex(OverlayScene scene, SlicePlane plane) =>
        (scene.Labels ?? scene.GroundTruth) is { } labels
            ? KeySlices.Select(labels, plane, 1)[0]
            : plane switch { SlicePlane.Axial => scene.Image.Depth / 2, SlicePlane.Coronal => scene.Image.Height / 2, _ => scene.Image.Width / 2 };

    private static DisplayWindow? ParseWindow(string? text)
    {
        var parts = (text ?? string.Empty).Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0
            ? new DisplayWindow(center, width)
            : null;
    }

    private static void Require(System.CommandLine.Parsing.OptionResult result, string? path, string option, bool folder)
    {
        if (path is null)
        {
            return;
        }
        if (folder ? !Directory.Exists(path) : !CliPaths.Exists(path))
        {
            result.AddError(folder && File.Exists(path) ? $"{option} '{path}' is a file; give the folder of the series" : $"{option} '{path}' does not exist");
        }
    }
}
