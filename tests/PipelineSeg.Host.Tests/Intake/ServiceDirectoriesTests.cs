namespace PipelineSeg.Host.Tests.Intake;

public sealed class ServiceDirectoriesTests
{
    [SkippableFact]
    public void Every_folder_is_created_at_start_work_done_failed_beside_the_inbox_and_state_in_the_data_directory_not_the_binary_folder()
    {
        using var service = new ServiceFixture();
        var data = Path.Combine(service.Root, "out", ".pipelineseg");
        Assert.Equal(data, service.Directories.Data);
        Assert.Equal(Path.Combine(data, "health.json"), service.Directories.HealthFile);
        Assert.All(service.Directories.Required, d => Assert.True(Directory.Exists(d), d));
        Assert.Equal(Path.Combine(data, "state", "journal.db"), service.Directories.JournalFile);
        foreach (var beside in new[] { "work", "done", "failed" })
        {
            Assert.Contains(Path.Combine(service.Root, beside), service.Directories.Required);
        }
        Assert.DoesNotContain(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar), service.Directories.HealthFile, StringComparison.Ordinal);
    }
}
