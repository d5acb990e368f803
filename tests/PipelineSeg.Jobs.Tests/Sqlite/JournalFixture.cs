using PipelineSeg.Jobs.Sqlite;

namespace PipelineSeg.Jobs.Tests.Sqlite;

/// <summary>A journal in a fresh temporary folder, deleted afterwards.</summary>
internal sealed class JournalFixture : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public JournalFixture()
    {
        Folder = Directory.CreateTempSubdirectory("pipelineseg-journal-").FullName;
        Journal = new SqliteJobJournal(Path.Combine(Folder, "state", "journal.db"));
        Journal.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public string Folder { get; }

    public SqliteJobJournal Journal { get; }

    public static JobRequest Request(string series, string pipelineVersion = "1", string work = "") =>
        new($"{series}|liver|{pipelineVersion}", "/data/inbox", work.Length > 0 ? work : "w-" + series, "s-" + series, "c-" + series, "liver", pipelineVersion, "unet 1.0");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
