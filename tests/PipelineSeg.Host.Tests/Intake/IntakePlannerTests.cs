using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Host.Intake.Storage;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class IntakePlannerTests
{
    [SkippableFact]
    public async Task Loose_files_of_two_series_become_one_item_per_series_and_unreadable_files_one_more()
    {
        using var service = new ServiceFixture();
        var counts = new List<int>();
        foreach (var (sample, prefix) in new[] { ("phantom-0001", "a"), ("phantom-0002", "b") })
        {
            var ct = Directory.GetFiles(TestPaths.Repo("samples", "dicom", sample, "ct"));
            counts.Add(ct.Length);
            foreach (var file in ct)
            {
                File.Copy(file, Path.Combine(service.Inbox, $"{prefix}-{Path.GetFileName(file)}"));
            }
        }
        File.WriteAllText(Path.Combine(service.Inbox, "broken.dcm"), "not DICOM");
        var source = new IntakeSource(IntakeSourceKind.LooseFiles, service.Inbox, service.Inbox, service.Watch);

        var items = await new IntakePlanner(new InputIds(service.Directories)).PlanAsync(new IntakeArrival(source, DateTime.UtcNow), CancellationToken.None);

        var series = items.Where(i => i.Id.StartsWith("series-", StringComparison.Ordinal)).ToList();
        Assert.Equal(counts.Order(), series.Select(i => i.Files!.Count).Order());
        Assert.All(series, i => Assert.Single(i.Files!.Select(f => Path.GetFileName(f)[0]).Distinct()));
        var unreadable = Assert.Single(items, i => i.Id.StartsWith("files-", StringComparison.Ordinal));
        Assert.Equal([Path.Combine(service.Inbox, "broken.dcm")], unreadable.Files);
    }

    [SkippableFact]
    public async Task An_export_folder_is_one_item()
    {
        using var service = new ServiceFixture();
        var source = new IntakeSource(IntakeSourceKind.ExportFolder, Path.Combine(service.Inbox, "export1"), service.Inbox, service.Watch);
        var item = Assert.Single(await new IntakePlanner(new InputIds(service.Directories)).PlanAsync(new IntakeArrival(source, DateTime.UtcNow), CancellationToken.None));
        Assert.Null(item.Files);
        Assert.StartsWith("export-", item.Id, StringComparison.Ordinal);
    }
}
