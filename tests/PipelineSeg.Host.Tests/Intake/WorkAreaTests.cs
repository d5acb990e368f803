using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Processing;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class WorkAreaTests
{
    [SkippableFact]
    public void A_staged_export_is_a_link_named_by_id_and_removing_it_leaves_the_input()
    {
        using var service = new ServiceFixture();
        var export = Directory.CreateDirectory(Path.Combine(service.Inbox, "DOE^JOHN", "series")).Parent!.FullName;
        File.WriteAllText(Path.Combine(export, "series", "CT1.dcm"), "x");
        var item = new IntakeItem("export-0123456789ab", new IntakeSource(IntakeSourceKind.ExportFolder, export, service.Inbox, service.Watch), null, DateTime.UtcNow);
        var work = new WorkArea(service.Directories);

        using (var staged = work.Stage(item))
        {
            Assert.Equal(Path.Combine(service.Directories.Work, item.Id), staged.Path);
            Assert.True(File.Exists(Path.Combine(staged.Path, "series", "CT1.dcm")));
        }
        Assert.False(Path.Exists(Path.Combine(service.Directories.Work, item.Id)));
        Assert.True(File.Exists(Path.Combine(export, "series", "CT1.dcm")));
    }

    [SkippableFact]
    public void Loose_files_are_staged_under_neutral_names_and_a_leftover_staging_is_cleared_without_touching_inputs()
    {
        using var service = new ServiceFixture();
        var files = new[] { "DOE^JOHN_1.dcm", "DOE^JOHN_2.dcm" }.Select(n => Path.Combine(service.Inbox, n)).ToArray();
        foreach (var f in files)
        {
            File.WriteAllText(f, "x");
        }
        var item = new IntakeItem("series-0123456789ab", new IntakeSource(IntakeSourceKind.LooseFiles, service.Inbox, service.Inbox, service.Watch), files, DateTime.UtcNow);
        var work = new WorkArea(service.Directories);

        var staged = work.Stage(item); // not disposed: as if the service was killed mid-job
        Assert.Equal(["0001.dcm", "0002.dcm"], Directory.GetFiles(staged.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        work.Clear();
        Assert.Empty(Directory.EnumerateFileSystemEntries(service.Directories.Work));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
    }
}
