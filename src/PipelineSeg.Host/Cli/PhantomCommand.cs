using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PipelineSeg.Pipeline.Outputs;
using PipelineSeg.Phantoms.Export;
using PipelineSeg.Phantoms.Generation;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg phantom</c>: writes synthetic abdominal CT phantoms with ground truth.</summary>
internal sealed class PhantomCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var output = CliOptions.Output("Folder that receives one phantom-<seed> folder per phantom");
        var count = new Option<int>("--count", "-n") { Description = "Number of phantoms (seeds S, S+1, …)", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed", "-s") { Description = "First seed (0–999 are reserved for held-out data; training uses 1000+)", DefaultValueFactory = _ => 1 };
        var format = CliOptions.Choice("--format", "-f", "dicom (CT series + ground-truth SEG), nifti or npy", "dicom", "dicom", "nifti", "npy");
        var json = CliOptions.Json();
        var size = new Option<int>("--size") { Description = "Rows and columns per slice", DefaultValueFactory = _ => 256 };
        var slices = new Option<int>("--slices") { Description = "Number of axial slices", DefaultValueFactory = _ => 48 };
        var spacing = new Option<double?>("--slice-spacing") { Description = "Slice spacing in mm (default: drawn from the seed, 3–5 mm)" };
        var noise = new Option<double?>("--noise") { Description = "Noise σ in HU (default: drawn from the seed, 10–15 HU)" };
        count.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--count must be between 1 and 10000");
            }
        });
        size.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 16 or > 1024)
            {
                r.AddError("--size must be between 16 and 1024");
            }
        });
        slices.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1024)
            {
                r.AddError("--slices must be between 1 and 1024");
            }
        });

        var command = new Command("phantom", "Write synthetic abdominal CT phantoms (liver, lesions, spine, kidneys…) with ground-truth labels")
        {
            output, count, seed, format, size, slices, spacing, noise, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PhantomOptions
            {
                Size = parse.GetValue(size),
                Slices = parse.GetValue(slices),
                SliceSpacingMm = parse.GetValue(spacing),
                NoiseSigmaHu = parse.GetValue(noise),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            if (await CliPaths.PrepareOutputAsync(context, parse.GetRequiredValue(output)).ConfigureAwait(false) is not { } directory)
            {
                return ExitCodes.UsageOrConfiguration;
            }
            var kind = Enum.Parse<PhantomFormat>(parse.GetRequiredValue(format), ignoreCase: true);
            var written = new List<object>();
            var first = parse.GetValue(seed);
            for (var s = first; s < first + parse.GetValue(count); s++)
            {
                var (phantom, folder) = await PhantomExporter.ExportAsync(s, options, kind, directory, cancellationToken).ConfigureAwait(false);
                var liverMl = (phantom.CountLabel(PhantomLabels.Liver) + phantom.CountLabel(PhantomLabels.Lesion)) * phantom.VoxelVolumeMl;
                if (parse.GetValue(json))
                {
                    var spacingMm = phantom.Ct.Geometry.Spacing;
                    written.Add(new { Seed = s, Folder = folder, SpacingMm = new[] { spacingMm.X, spacingMm.Y, spacingMm.Z }, LiverMl = liverMl, Lesions = phantom.LesionCount });
                    continue;
                }
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"seed {s}: {phantom.Ct.Size} voxels, spacing {phantom.Ct.Geometry.Spacing}, liver {liverMl:F0} ml, {phantom.LesionCount} lesion(s) -> {folder}")).ConfigureAwait(false);
            }
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(written, ReportJson.Options)).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
