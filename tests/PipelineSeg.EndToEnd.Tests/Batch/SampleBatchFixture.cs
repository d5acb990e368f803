using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Batch;

/// <summary>
/// Runs <c>pipelineseg batch --input samples/dicom --output &lt;temp&gt; --outputs seg,rtstruct,nifti,html</c> once for all
/// sample checks (the SEG checks and the extra outputs share the one run).
/// </summary>
public sealed class SampleBatchFixture : IDisposable
{
    public SampleBatchFixture()
    {
        Output = TestPaths.NewTempDirectory("e2e-batch");
        var result = PipelineSegCli.Run("batch", "--input", Samples, "--output", Output, "--outputs", "seg,rtstruct,nifti,html");
        (ExitCode, StandardOutput, Combined) = (result.ExitCode, result.StandardOutput, result.Combined);
        var reports = Directory.GetFiles(Output, "report.json", SearchOption.AllDirectories);
        Reports = reports.ToDictionary(p => Path.GetDirectoryName(p)!, p => JsonDocument.Parse(File.ReadAllText(p)).RootElement.Clone());
    }

    public static string Samples => TestPaths.Repo("samples", "dicom");

    public string Output { get; }

    public int ExitCode { get; }

    public string StandardOutput { get; }

    /// <summary>Standard output and error (for failure messages).</summary>
    public string Combined { get; }

    /// <summary>report.json by result folder.</summary>
    public IReadOnlyDictionary<string, JsonElement> Reports { get; }

    /// <summary>The sample folder (phantom-000N) whose CT series a report describes.</summary>
    public static string SampleOf(JsonElement report)
    {
        var uid = report.GetProperty("series").GetProperty("seriesInstanceUid").GetString()!;
        var seed = Enumerable.Range(1, 3).Single(s => PipelineSeg.Phantoms.Export.PhantomCtSeries.IdentityOf(s).SeriesInstanceUid == uid);
        return Path.Combine(Samples, $"phantom-{seed:D4}");
    }

    public void Dispose() => Directory.Delete(Output, recursive: true);
}
