using System.Globalization;

namespace PipelineSeg.Host.Cli.Rendering;

/// <summary>The text form of <see cref="InspectReport"/>: one block per series, one line per unused file, then the counts of those lines.</summary>
internal static class InspectText
{
    public static async Task WriteAsync(TextWriter o, InspectReport report)
    {
        foreach (var s in report.Series)
        {
            await o.WriteLineAsync($"{s.Modality,-4} {s.SeriesInstanceUid}{(s.StackIndex > 0 ? $" (stack {s.StackIndex})" : string.Empty)}").ConfigureAwait(false);
            var series = $"     study {s.StudyInstanceUid}, series #{s.SeriesNumber?.ToString(CultureInfo.InvariantCulture) ?? "-"}";
            if (s.IsSegmentation)
            {
                var seg = s.Segmentation;
                var what = seg is null
                    ? "segmentation (unreadable, see below)"
                    : $"{(seg.Type.Length > 0 ? seg.Type + " " : string.Empty)}segmentation of {(seg.ReferencedSeries.Count > 0 ? "series " + string.Join(", ", seg.ReferencedSeries) : "no referenced series")}";
                await o.WriteLineAsync($"{series}, {what}").ConfigureAwait(false);
                if (seg is not null)
                {
                    var segments = string.Join(", ", seg.Segments.Select(x => $"{x.Number.ToString(CultureInfo.InvariantCulture)} {x.Label}"));
                    await o.WriteLineAsync($"     {seg.Segments.Count} segment(s): {segments}; {seg.Frames} frame(s) of {s.Columns}x{s.Rows}").ConfigureAwait(false);
                }
            }
            else
            {
                var spacing = s.SpacingMm is { } sp ? string.Create(CultureInfo.InvariantCulture, $"{sp[0]:G6} x {sp[1]:G6} x {sp[2]:G6} mm") : "no geometry";
                await o.WriteLineAsync($"{series}, {s.Slices} slice(s) of {s.Columns}x{s.Rows}, {spacing}").ConfigureAwait(false);
            }
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
        var depth = report.Checked == "pixels" ? "headers and pixel data checked" : "headers checked; --deep also decodes pixel data";
        await o.WriteLineAsync($"{report.ImageSeries} image series, {report.Segmentations} segmentation(s), {report.BrokenFiles} broken DICOM file(s), {report.NonDicomFiles} non-DICOM file(s) ({depth})").ConfigureAwait(false);
    }
}
