using System.CommandLine;
using PipelineSeg.Dicom;
using PipelineSeg.Pipeline.Evaluation;

namespace PipelineSeg.Host.Cli;

/// <summary>
/// <c>pipelineseg evaluate --prediction P --ground-truth G [--json] [--resample]</c>: every metric per segment.
/// P and G are NIfTI label volumes, DICOM-SEG files or DICOM mask series.
/// </summary>
internal sealed class EvaluateCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build(CliContext context)
    {
        var prediction = new Option<string>("--prediction", "-p") { Description = "Predicted labels: NIfTI, DICOM-SEG, or DICOM mask series (folder)", Required = true };
        var truth = new Option<string>("--ground-truth", "-g") { Description = "Ground-truth labels: NIfTI, DICOM-SEG, or DICOM mask series (folder; non-zero = foreground)", Required = true };
        var json = new Option<bool>("--json") { Description = "Write the metrics as JSON to standard output" };
        var resample = new Option<bool>("--resample") { Description = "Resample the prediction onto the ground-truth grid (nearest) when the grids differ" };
        var perSlice = new Option<bool>("--per-slice") { Description = "Also report Dice/IoU per slice" };
        var noSurface = new Option<bool>("--no-surface") { Description = "Skip HD, HD95 and ASSD" };
        var background = new Option<bool>("--include-background") { Description = "Also report label 0 (never averaged)" };
        var command = new Command("evaluate", "Compare a segmentation with the ground truth: Dice, IoU, sensitivity, specificity, precision, F1, volume difference, HD, HD95, ASSD per segment")
        {
            prediction, truth, json, resample, perSlice, noSurface, background,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new LabelEvaluationRequest(parse.GetValue(prediction)!, parse.GetValue(truth)!)
            {
                Resample = parse.GetValue(resample),
                PerSlice = parse.GetValue(perSlice),
                SurfaceDistances = !parse.GetValue(noSurface),
                IncludeBackground = parse.GetValue(background),
            };
            foreach (var path in new[] { request.Prediction, request.GroundTruth })
            {
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    await context.Error.WriteLineAsync($"error: '{path}' does not exist").ConfigureAwait(false);
                    return ExitCodes.UsageOrConfiguration;
                }
            }
            try
            {
                var result = await LabelEvaluator.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteAsync(parse.GetValue(json) ? EvaluationJson.Serialize(result) + Environment.NewLine : EvaluationText.Format(result)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is GeometryMismatchException or InvalidDataException or DicomException or IOException or NotSupportedException)
            {
                await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return ExitCodes.InputsFailed;
            }
        });
        return command;
    }
}
