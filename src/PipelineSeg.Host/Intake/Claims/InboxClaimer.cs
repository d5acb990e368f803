using System.Globalization;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake.Claims;

/// <summary>
/// Claims a ready source by moving it out of the inbox into work/: an export folder by one atomic rename; loose files
/// series by series (each file an atomic rename into a <c>loose-…</c> folder, which a restart moves back to the inbox
/// when it was left without a job). Then hands the claim to <see cref="ClaimEnqueuer"/>.
/// </summary>
internal sealed class InboxClaimer(WatchLayouts layouts, InputIds ids, ClaimEnqueuer enqueuer, IOptions<IntakeOptions> options, TimeProvider time)
{
    /// <summary>Prefix of claims of loose files (rolled back, not forward, after a crash).</summary>
    public const string LoosePrefix = "loose";

    /// <summary>Prefix of claims of export folders.</summary>
    public const string ExportPrefix = "in";

    /// <summary>Claims <paramref name="arrival"/>; false when it changed since it was found ready (claim it later).</summary>
    public async Task<bool> ClaimAsync(IntakeArrival arrival, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var source = arrival.Source;
        var layout = layouts.For(source);
        var now = time.GetUtcNow();
        if (source.Kind == IntakeSourceKind.ExportFolder)
        {
            if (!Directory.Exists(source.Path))
            {
                return true; // gone (claimed by another instance, or removed): nothing to do
            }
            var name = ids.ForClaim(ExportPrefix, source, Path.GetRelativePath(source.WatchRoot, source.Path), now);
            Directory.Move(source.Path, layout.WorkOf(name));
            await enqueuer.EnqueueAsync(layout, name, cancellationToken).ConfigureAwait(false);
            return true;
        }
        var files = FolderScanner.LooseFiles(layout.Inbox);
        if (files.Any(f => File.GetLastWriteTimeUtc(f) > arrival.Stamp))
        {
            return false; // a file arrived after the quiet period began: the series may be growing
        }
        var scan = await DicomSeriesScanner.ScanFilesAsync(files, new DicomSeriesAssemblyOptions(), cancellationToken).ConfigureAwait(false);
        var groups = SeriesGrouping.Group(scan, files, options.Value.MarkerFile);
        for (var i = 0; i < groups.Count; i++)
        {
            var what = groups[i].SeriesInstanceUids.Count > 0 ? string.Join('\n', groups[i].SeriesInstanceUids) : i.ToString(CultureInfo.InvariantCulture);
            var name = ids.ForClaim(LoosePrefix, source, what, now);
            var folder = layout.WorkOf(name);
            Directory.CreateDirectory(folder);
            foreach (var file in groups[i].Files)
            {
                Durable.MoveFileInto(file, folder);
            }
            await enqueuer.EnqueueAsync(layout, name, cancellationToken).ConfigureAwait(false);
        }
        return true;
    }
}
