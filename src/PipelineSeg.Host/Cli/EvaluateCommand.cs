using System.CommandLine;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Cli.Progress;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg evaluate --prediction P --ground-truth G [--json] [--resample] [--binary|--label N]</c>: every metric per segment.
/// P and G are NIfTI label volumes, DICOM-SEG files or DICOM mask series.
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var prediction = new Option<string>("--prediction") { Description = "Predicted labels: NIfTI, DICOM-SEG, or DICOM mask series (folder)", Required = true };
        var truth = new Option<string>("--ground-truth", "-g") { Description = "Ground-truth labels: NIfTI, DICOM-SEG, or DICOM mask series (folder; non-zero = foreground)", Required = true };
        var json = new Option<bool>("--json") { Description = "Write the metrics as JSON to standard output" };
        var resample = new Option<bool>("--resample") { Description = "Resample the prediction onto the ground-truth grid (nearest) when the grids differ" };
        var perSlice = new Option<bool>("--per-slice") { Description = "Also report per-slice Dice, IoU, sensitivity, precision, HD, HD95 and ASSD" };
        var noSurface = new Option<bool>("--no-surface") { Description = "Skip HD, HD95 and ASSD" };
        var background = new Option<bool>("--include-background") { Description = "Also report label 0 (never averaged)" };
        var sweep = new Option<bool>("--sweep") { Description = "The prediction is a probability map (NIfTI, [0, 1]): soft Jaccard and metrics at thresholds 0.1, 0.3, 0.5, 0.7, 0.9" };
        var thresholds = new Option<string?>("--thresholds") { Description = "Comma-separated thresholds for --sweep (voxel is foreground when p > t)" };
        var label = new Option<int>("--label") { Description = "Compare only this label: prediction label N with ground-truth label N, or with the ground truth's foreground when that is two-valued; with --sweep the ground-truth label compared with the probability map (default 1)", DefaultValueFactory = _ => 1 };
        var binary = new Option<bool>("--binary") { Description = "Compare as binary masks: any non-zero voxel is foreground on both sides (e.g. a 0/1 prediction against a 0/255 ground truth)" };
        var command = new Command("evaluate", "Compare a segmentation with the ground truth: Dice, IoU, sensitivity, specificity, precision, F1, volume difference, HD, HD95, ASSD per segment")
        {
            prediction, truth, json, resample, perSlice, noSurface, background, sweep, thresholds, label, binary,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new LabelEvaluationRequest(parse.GetValue(prediction)!, parse.GetValue(truth)!)
            {
                Resample = parse.GetValue(resample),
                PerSlice = parse.GetValue(perSlice),
                SurfaceDistances = !parse.GetValue(noSurface),
                IncludeBackground = parse.GetValue(background),
                Binary = parse.GetValue(binary),
                Label = parse.GetResult(label) is { Implicit: false } ? parse.GetValue(label) : null,
            };
            if (request.Binary && request.Label is not null)
            {
                await context.Error.WriteLineAsync("error: --binary and --label exclude each other").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            foreach (var path in new[] { request.Prediction, request.GroundTruth })
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    await context.Error.WriteLineAsync($"error: '{path}' does not exist").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
            }
            IReadOnlyList<double>? thresholdList = null;
            if (parse.GetValue(thresholds) is { } text)
            {
                var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var values = new List<double>();
                foreach (var part in parts)
                {
                    if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
                    {
                        await context.Error.WriteLineAsync($"error: --thresholds: '{part}' is not a number in [0, 1]").ConfigureAwait(false);
                        return ExitCodes.UsageOrConfiguration;
                    }
                    values.Add(t);
                }
                thresholdList = values;
            }
            try
            {
                if (parse.GetValue(sweep) || thresholdList is not null)
                {
                    var swept = await ProbabilityEvaluator.EvaluateAsync(request, parse.GetValue(label), thresholdList, cancellationToken).ConfigureAwait(false);
                    await context.Out.WriteAsync(parse.GetValue(json) ? EvaluationJson.Serialize(swept) + Environment.NewLine : EvaluationText.Format(swept)).ConfigureAwait(false);
                    return ExitCodes.Ok;
                }
                // one pair: the display says that it runs and when it is done
                var result = await ProgressDisplays.For(context, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(json)).RunAsync("evaluate", async progress =>
                {
                    progress.Report(new WorkProgress(0, 1, 0, 0, null));
                    var evaluated = await LabelEvaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
                    progress.Report(new WorkProgress(1, 1, evaluated.Size.Z, evaluated.Size.Z, null));
                    return evaluated;
                }).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    // the notes are in the JSON; a person watching the terminal sees them on standard error too
                    foreach (var note in result.Notes)
                    {
                        await context.Error.WriteLineAsync($"note: {note}").ConfigureAwait(false);
                    }
                    await context.Out.WriteAsync(EvaluationJson.Serialize(result) + Environment.NewLine).ConfigureAwait(false);
                }
                else
                {
                    await context.Out.WriteAsync(EvaluationText.Format(result)).ConfigureAwait(false);
                }
                return ExitCodes.Ok;
            }
            catch (LabelMismatchException e)
            {
                // nothing was scored: the user has to say how the labels pair
                await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrConfiguration;
            }
            catch (Exception e) when (e is GeometryMismatchException or InvalidDataException or DicomException or IOException or NotSupportedException or ArgumentOutOfRangeException)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
        });
        return command;
    }
}
