using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;
using PipelineSeg.Jobs;
using PipelineSeg.Jobs.Sqlite;

namespace PipelineSeg.EndToEnd.Tests.Serve;

/// <summary>
/// The folders of a quick-start service under one test root (in/, out/, and work/, done/, failed/ beside in/), with
/// the checks every reliability test makes: where each input file ended, what results exist, what the journal says.
/// </summary>
internal sealed class ServeFolders : IDisposable
{
    public ServeFolders(string name)
    {
        Root = TestPaths.NewTempDirectory(name);
        Directory.CreateDirectory(Inbox);
    }

    public string Root { get; }

    public string Inbox => Path.Combine(Root, "in");

    public string Output => Path.Combine(Root, "out");

    public string Work => Path.Combine(Root, "work");

    public string Done => Path.Combine(Root, "done");

    public string Failed => Path.Combine(Root, "failed");

    public string Journal => Path.Combine(Output, ".pipelineseg", "state", "journal.db");

    /// <summary>The quick-start arguments for this layout.</summary>
    public string[] Args(int quietSeconds = 1) => ["--inbox", Inbox, "--output", Output, "--quiet-seconds", quietSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Files (by name) anywhere under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> FileNames(string folder) => Directory.Exists(folder)
        ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).OfType<string>()]
        : [];

    /// <summary>Result folders (one per series), hidden ones excluded.</summary>
    public IReadOnlyList<string> Results => Directory.Exists(Output)
        ? [.. Directory.GetDirectories(Output).Where(d => !Path.GetFileName(d).StartsWith('.'))]
        : [];

    /// <summary>Temporary result folders and temporary files anywhere in the layout (there must be none when idle).</summary>
    public IReadOnlyList<string> Temporaries => [.. Directory.GetFileSystemEntries(Root, "*", SearchOption.AllDirectories)
        .Where(p => Path.GetFileName(p).StartsWith(".tmp-", StringComparison.Ordinal) || p.EndsWith(".tmp", StringComparison.Ordinal)
            || Path.GetFileName(p).StartsWith(".split-", StringComparison.Ordinal))];

    /// <summary>The journal as <c>pipelineseg jobs --json</c> prints it.</summary>
    public IReadOnlyList<JsonElement> Jobs()
    {
        var run = PipelineSegCli.Run(["jobs", "--inbox", Inbox, "--output", Output, "--json"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        using var json = JsonDocument.Parse(run.StandardOutput);
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The journal read directly (WAL: readers never block the service).</summary>
    public IReadOnlyList<JobRecord> JournalJobs() => File.Exists(Journal)
        ? new SqliteJobJournal(Journal).ListAsync(null, CancellationToken.None).GetAwaiter().GetResult()
        : [];

    /// <summary>True when nothing is waiting: inbox and work/ empty and no job queued or running.</summary>
    public bool Idle() => Directory.GetFileSystemEntries(Inbox).Length == 0
        && (!Directory.Exists(Work) || Directory.GetFileSystemEntries(Work).Length == 0)
        && JournalJobs() is { Count: > 0 } jobs && jobs.All(j => j.State is JobState.Succeeded or JobState.Failed);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
