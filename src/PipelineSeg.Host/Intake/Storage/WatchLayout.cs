using PipelineSeg.Host.Composition;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake.Storage;

/// <summary>
/// The folders of one watched folder, absolute: the inbox, its results, and work/, done/, failed/ (by default beside
/// the inbox, so a claim is a rename on one file system).
/// </summary>
/// <param name="Inbox">The watched folder.</param>
/// <param name="Output">Results: one folder per series.</param>
/// <param name="Work">Claimed inputs being processed.</param>
/// <param name="Done">Processed inputs.</param>
/// <param name="Failed">Failed inputs, each with error.json.</param>
/// <param name="Watch">The configuration entry.</param>
internal sealed record WatchLayout(string Inbox, string Output, string Work, string Done, string Failed, WatchFolderOptions Watch)
{
    /// <summary>Name of the temporary result folder of a job in <see cref="Output"/> (hidden, removed when unused).</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>The layout of <paramref name="watch"/> (relative paths resolved as <see cref="AppPaths.Resolve"/> does).</summary>
    public static WatchLayout Of(WatchFolderOptions watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var inbox = AppPaths.Resolve(watch.Path).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var parent = System.IO.Path.GetDirectoryName(inbox) ?? inbox;
        string Beside(string? configured, string name) =>
            string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(parent, name) : AppPaths.Resolve(configured);
        return new WatchLayout(inbox, AppPaths.Resolve(watch.Output), Beside(watch.Work, "work"), Beside(watch.Done, "done"), Beside(watch.Failed, "failed"), watch);
    }

    /// <summary>A job's input while it is processed.</summary>
    public string WorkOf(string name) => System.IO.Path.Combine(Work, name);

    /// <summary>A job's input once processed.</summary>
    public string DoneOf(string name) => System.IO.Path.Combine(Done, name);

    /// <summary>A job's input once failed.</summary>
    public string FailedOf(string name) => System.IO.Path.Combine(Failed, name);

    /// <summary>Inputs a routing rule ignored, each with its routing.json: <c>ignored</c> beside done/.</summary>
    public string Ignored => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Done) ?? Done, "ignored");

    /// <summary>An input once a routing rule ignored it.</summary>
    public string IgnoredOf(string name) => System.IO.Path.Combine(Ignored, name);

    /// <summary>A job's temporary result folder (results are renamed out of it when complete).</summary>
    public string TempOf(string name) => System.IO.Path.Combine(Output, TempPrefix + name);

    /// <summary>Every folder of this layout.</summary>
    public IEnumerable<string> Folders => [Inbox, Output, Work, Done, Failed];
}
