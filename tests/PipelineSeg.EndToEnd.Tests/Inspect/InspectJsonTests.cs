using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Inspect;

public sealed class InspectJsonTests
{
    [SkippableFact]
    public void Inspect_json_lists_the_sample_series_with_geometry_and_transfer_syntaxes()
    {
        var result = PipelineSegCli.Run("inspect", TestPaths.Repo("samples", "dicom"), "--json");

        Assert.True(result.ExitCode == 0, result.Combined);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var series = json.RootElement.GetProperty("series").EnumerateArray().ToList();
        var ct = series.Where(s => s.GetProperty("modality").GetString() == "CT").ToList();
        Assert.Equal(3, ct.Count);
        Assert.Equal(3, series.Count(s => s.GetProperty("modality").GetString() == "SEG"));
        var big = ct.Single(s => s.GetProperty("columns").GetInt32() == 256);
        Assert.Equal(24, big.GetProperty("slices").GetInt32());
        Assert.Equal(3.5, big.GetProperty("spacingMm")[2].GetDouble(), 6);
        Assert.True(big.GetProperty("isVolume").GetBoolean());
        var syntaxes = ct.SelectMany(s => s.GetProperty("transferSyntaxes").EnumerateArray().Select(t => t.GetString())).ToHashSet();
        Assert.Contains("1.2.840.10008.1.2", syntaxes);   // implicit VR little endian (phantom-0003)
        Assert.Contains("1.2.840.10008.1.2.1", syntaxes); // explicit VR little endian
        Assert.Empty(json.RootElement.GetProperty("skipped").EnumerateArray());
    }

    [SkippableFact]
    public void Inspect_reports_a_broken_file_with_exit_code_1()
    {
        var dir = TestPaths.NewTempDirectory("e2e-inspect");
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "broken.dcm"), [.. new byte[128], .. "DICM"u8.ToArray(), 2, 0, 0x10]);
            var result = PipelineSegCli.Run("inspect", dir, "--json");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("broken.dcm", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
