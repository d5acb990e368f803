using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Hosting;

/// <summary>A settled folder of a watched folder, ready to be processed as one batch.</summary>
/// <param name="Folder">The arrived export (a subfolder of the watched folder).</param>
/// <param name="Watch">The watched folder's settings (output, pipeline).</param>
/// <param name="Stamp">Last change seen when the job was queued (a later change queues it again).</param>
internal sealed record IntakeJob(string Folder, WatchFolderOptions Watch, DateTime Stamp);
