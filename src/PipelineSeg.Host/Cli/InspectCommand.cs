using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Cli.Rendering;
using PipelineSeg.Pipeline.Intake;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Cli;

/// <summary><c>pipelineseg inspect PATH [--json]</c>: what series a folder or file holds and what is wrong with them.</summary>
internal sealed class InspectCommand : ICliCommand
{
    public Command Build(CliContext context)
    {
        var path = new Argument<FileSystemInfo>("path") { Description = "DICOM folder (scanned recursively) or file" };
        path.AcceptExistingOnly();
        var json = new Option<bool>("--json") { Description = "Write the result as JSON on standard output" };
        var command = new Command("inspect", "List the DICOM series found (UIDs, modality, slices, size, spacing, transfer syntaxes, problems)") { path, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetRequiredValue(path);
            var scan = target is DirectoryInfo dir
                ? await DicomSeriesScanner.ScanAsync(dir.FullName, cancellationToken).ConfigureAwait(false)
                : await DicomSeriesScanner.ScanFilesAsync([target.FullName], new DicomSeriesAssemblyOptions(), cancellationToken).ConfigureAwait(false);
            var report = InspectReport.From(target.FullName, scan);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(context.Out, report).ConfigureAwait(false);
            }
            // A DICOM-SEG is an annotation, not a broken image stack: only image series with problems and broken files fail.
            var failed = report.Series.Any(s => s.Problems.Count > 0 && !SeriesIntake.IsSegmentation(s.SopClassUid)) || report.Skipped.Any(s => s.IsDicom);
            return failed ? ExitCodes.InputsFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter o, InspectReport report)
    {
        foreach (var s in report.Series)
        {
            var spacing = s.SpacingMm is { } sp ? string.Create(CultureInfo.InvariantCulture, $"{sp[0]:G6} x {sp[1]:G6} x {sp[2]:G6} mm") : "no geometry";
            await o.WriteLineAsync($"{s.Modality,-4} {s.SeriesInstanceUid}{(s.StackIndex > 0 ? $" (stack {s.StackIndex})" : string.Empty)}").ConfigureAwait(false);
            await o.WriteLineAsync($"     study {s.StudyInstanceUid}, series #{s.SeriesNumber?.ToString(CultureInfo.InvariantCulture) ?? "-"}, {s.Slices} slice(s) of {s.Columns}x{s.Rows}, {spacing}").ConfigureAwait(false);
            await o.WriteLineAsync($"     transfer syntaxes: {string.Join(", ", s.TransferSyntaxes)}").ConfigureAwait(false);
            foreach (var p in s.Problems)
            {
                await o.WriteLineAsync($"     PROBLEM: {p}").ConfigureAwait(false);
            }
            foreach (var w in s.Warnings)
            {
                await o.WriteLineAsync($"     warning: {w}").ConfigureAwait(false);
            }
        }
        foreach (var f in report.Skipped)
        {
            await o.WriteLineAsync($"{(f.IsDicom ? "BROKEN " : "ignored")} {f.FilePath}: {f.Reason}").ConfigureAwait(false);
        }
        await o.WriteLineAsync($"{report.Series.Count} series, {report.Skipped.Count(f => f.IsDicom)} broken DICOM file(s), {report.Skipped.Count(f => !f.IsDicom)} non-DICOM file(s)").ConfigureAwait(false);
    }
}
