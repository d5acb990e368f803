using PipelineSeg.Dicom;
using PipelineSeg.Host.Intake.Claims;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class SeriesGroupingTests
{
    [SkippableFact]
    public async Task Two_series_become_two_groups_with_their_ground_truth_and_unreadable_files_one_more()
    {
        using var service = new ServiceFixture();
        var counts = new List<int>();
        foreach (var (sample, prefix) in new[] { ("phantom-0001", "a"), ("phantom-0002", "b") })
        {
            var files = Directory.GetFiles(TestPaths.Repo("samples", "dicom", sample), "*", SearchOption.AllDirectories);
            counts.Add(files.Length);
            foreach (var file in files)
            {
                File.Copy(file, Path.Combine(service.Inbox, $"{prefix}-{Path.GetFileName(file)}"));
            }
        }
        File.WriteAllText(Path.Combine(service.Inbox, "broken.dcm"), "not DICOM");
        File.WriteAllText(Path.Combine(service.Inbox, ".complete"), string.Empty);
        var all = Directory.GetFiles(service.Inbox);

        var groups = SeriesGrouping.Group(await DicomSeriesScanner.ScanFilesAsync(all, new DicomSeriesAssemblyOptions()), all, ".complete");

        Assert.Equal(3, groups.Count);
        var series = groups.Where(g => g.SeriesInstanceUids.Count > 0).ToList();
        Assert.All(series, g => Assert.Equal(2, g.SeriesInstanceUids.Count)); // the CT and its ground-truth SEG
        Assert.All(series, g => Assert.Single(g.Files.Where(f => !f.EndsWith(".complete", StringComparison.Ordinal)).Select(f => Path.GetFileName(f)[0]).Distinct()));
        Assert.Equal(counts.Order(), series.Select(g => g.Files.Count(f => !f.EndsWith(".complete", StringComparison.Ordinal))).Order());
        Assert.Single(groups.SelectMany(g => g.Files), f => f.EndsWith(".complete", StringComparison.Ordinal));
        var rest = Assert.Single(groups, g => g.SeriesInstanceUids.Count == 0);
        Assert.Equal([Path.Combine(service.Inbox, "broken.dcm")], rest.Files);
    }

    [SkippableFact]
    public async Task One_series_keeps_every_file_so_a_broken_slice_fails_its_own_series()
    {
        using var service = new ServiceFixture();
        foreach (var file in Directory.GetFiles(TestPaths.Repo("samples", "dicom", "phantom-0001"), "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(service.Inbox, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(service.Inbox, "broken.dcm"), "not DICOM");
        var all = Directory.GetFiles(service.Inbox);

        var group = Assert.Single(SeriesGrouping.Group(await DicomSeriesScanner.ScanFilesAsync(all, new DicomSeriesAssemblyOptions()), all, ".complete"));

        Assert.Equal(all.Length, group.Files.Count);
        Assert.Single(group.SeriesInstanceUids);
    }
}
