using PipelineSeg.Host.Intake;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Tests.Intake;

public sealed class FolderScannerTests
{
    [SkippableFact]
    public void Files_map_to_the_first_level_export_folder()
    {
        Assert.Equal("/in/export1", FolderScanner.ExportFolderOf("/in", "/in/export1/series/CT0001.dcm"));
        Assert.Equal("/in/export1", FolderScanner.ExportFolderOf("/in/", "/in/export1/CT0001.dcm"));
    }

    [SkippableFact]
    public void Files_outside_or_directly_in_the_watched_folder_have_no_export_folder()
    {
        Assert.Null(FolderScanner.ExportFolderOf("/in", "/elsewhere/export1/CT0001.dcm"));
        Assert.Null(FolderScanner.ExportFolderOf("/in", "/in/loose-file.dcm"));
        Assert.Null(FolderScanner.ExportFolderOf("/in", "/input-other/x.dcm"));
    }

    [SkippableFact]
    public void Rescan_reports_each_export_folder_with_its_newest_file_time()
    {
        var root = TestPaths.NewTempDirectory("rescan");
        try
        {
            var export = Directory.CreateDirectory(Path.Combine(root, "export1", "nested")).FullName;
            var file = Path.Combine(export, "a.dcm");
            File.WriteAllText(file, "x");
            var stamp = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(file, stamp);

            var (folder, lastWrite) = Assert.Single(FolderScanner.ExportFolders(root));
            Assert.Equal(Path.Combine(root, "export1"), folder);
            Assert.Equal(stamp, lastWrite);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void A_file_dropped_directly_into_the_watched_folder_is_a_loose_file_source()
    {
        var root = TestPaths.NewTempDirectory("loose");
        try
        {
            var watch = new WatchFolderOptions { Path = root, Output = "/out" };
            var file = Path.Combine(root, "CT0001.dcm");
            File.WriteAllText(file, "x");
            File.WriteAllText(Path.Combine(root, ".partial"), "x");
            Directory.CreateDirectory(Path.Combine(root, "export1"));

            var loose = FolderScanner.SourceOf(root, watch, file);
            Assert.Equal(IntakeSourceKind.LooseFiles, loose?.Kind);
            Assert.Equal(root, loose?.Path);
            Assert.Equal(IntakeSourceKind.ExportFolder, FolderScanner.SourceOf(root, watch, Path.Combine(root, "export1"))?.Kind);
            Assert.Null(FolderScanner.SourceOf(root, watch, Path.Combine(root, "gone.dcm")));
            Assert.Equal([file], FolderScanner.LooseFiles(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void A_folder_taken_away_between_listing_and_reading_is_skipped_not_thrown()
    {
        var root = TestPaths.NewTempDirectory("rescan-gone");
        try
        {
            var kept = Directory.CreateDirectory(Path.Combine(root, "kept")).FullName;
            File.WriteAllBytes(Path.Combine(kept, "a.dcm"), [1]);

            // Scale-out: another instance claims (moves) the folder while this one walks the inbox.
            Assert.Null(FolderScanner.NewestWriteIn(Path.Combine(root, "claimed-by-the-other-instance")));
            Assert.NotNull(FolderScanner.NewestWriteIn(kept));
            Assert.Equal([kept], FolderScanner.ExportFolders(root).Select(f => f.Folder));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
