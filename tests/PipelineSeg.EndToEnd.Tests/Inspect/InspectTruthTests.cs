using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Inspect;

/// <summary><c>inspect</c> tells the truth: SEGs as segmentations, undecodable files as broken, counts that match the listing.</summary>
public sealed class InspectTruthTests
{
    private static string Sample => TestPaths.Repo("samples", "dicom", "phantom-0002");

    [SkippableFact]
    public void A_ground_truth_SEG_is_described_as_a_segmentation_of_its_series()
    {
        var result = PipelineSegCli.Run("inspect", "--input", Sample, "--json");

        Assert.True(result.ExitCode == 0, result.Combined);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        var ct = series.Single(s => s.GetProperty("modality").GetString() == "CT");
        var seg = series.Single(s => s.GetProperty("modality").GetString() == "SEG");
        Assert.Empty(seg.GetProperty("problems").EnumerateArray());
        var segmentation = seg.GetProperty("segmentation");
        Assert.Equal(["liver", "lesion"], segmentation.GetProperty("segments").EnumerateArray().Select(x => x.GetProperty("label").GetString()));
        Assert.Equal(2 * ct.GetProperty("slices").GetInt32(), segmentation.GetProperty("frames").GetInt32());
        Assert.Equal(ct.GetProperty("seriesInstanceUid").GetString(), Assert.Single(segmentation.GetProperty("referencedSeries").EnumerateArray()).GetString());
        Assert.Equal("headers", json.RootElement.GetProperty("checked").GetString());

        var text = PipelineSegCli.Run("inspect", "--input", Sample);
        Assert.DoesNotContain("SegmentationReader", text.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PROBLEM", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("2 segment(s): 1 liver, 2 lesion", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("1 image series, 1 segmentation(s), 0 broken DICOM file(s)", text.StandardOutput, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Deep_finds_a_truncated_slice_and_the_counts_match_the_listing()
    {
        var dir = TestPaths.NewTempDirectory("e2e-inspect-deep");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Sample, "ct")))
            {
                File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
            }
            var victim = Directory.GetFiles(dir).Order(StringComparer.Ordinal).ElementAt(5);
            var bytes = File.ReadAllBytes(victim);
            File.WriteAllBytes(victim, bytes[..(bytes.Length - 2000)]);

            var headers = PipelineSegCli.Run("inspect", "--input", dir);
            Assert.Contains("--deep also decodes pixel data", headers.StandardOutput, StringComparison.Ordinal);

            var deep = PipelineSegCli.Run("inspect", "--input", dir, "--deep");
            Assert.True(deep.ExitCode == 1, deep.Combined);
            var brokenLines = deep.StandardOutput.Split('\n').Where(l => l.StartsWith("BROKEN", StringComparison.Ordinal)).ToList();
            Assert.Contains(victim, Assert.Single(brokenLines), StringComparison.Ordinal);
            Assert.Contains("1 broken DICOM file(s)", deep.StandardOutput, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(PipelineSegCli.Run("inspect", "--input", dir, "--deep", "--json").StandardOutput);
            Assert.Equal(1, json.RootElement.GetProperty("brokenFiles").GetInt32());
            Assert.Equal(victim, Assert.Single(json.RootElement.GetProperty("skipped").EnumerateArray()).GetProperty("filePath").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void Deep_decodes_a_colour_series_instead_of_calling_it_broken()
    {
        using var colour = ColourSeries.Create("ybr0", 3);

        var deep = PipelineSegCli.Run("inspect", "--input", colour.Folder, "--deep");

        Assert.True(deep.ExitCode == 0, deep.Combined);
        Assert.DoesNotContain("BROKEN", deep.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("0 broken DICOM file(s)", deep.StandardOutput, StringComparison.Ordinal);
    }
}
