using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Routing;

/// <summary><c>batch</c> with routing rules: each series through the pipelines its rule names, ignored ones recorded, never quarantined.</summary>
public sealed class RoutedBatchTests
{
    [SkippableFact]
    public void Batch_runs_each_series_through_its_rules_pipelines_and_records_the_ignored_ones()
    {
        var root = TestPaths.NewTempDirectory("e2e-routed-batch");
        try
        {
            var input = Path.Combine(root, "in");
            foreach (var phantom in new[] { 1, 2 })
            {
                CopyTree(RoutingConfig.SampleCt(phantom), Path.Combine(input, $"p{phantom}"));
            }
            var output = Path.Combine(root, "out");
            var run = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--config", RoutingConfig.Write(root), "--quiet");
            Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);

            var (thin, thick) = (RoutingConfig.SeriesUid(2), RoutingConfig.SeriesUid(1));
            Assert.NotEmpty(RoutingConfig.Segs(Path.Combine(output, "liver", thin)));
            Assert.NotEmpty(RoutingConfig.Segs(Path.Combine(output, RoutingConfig.Second, thin)));
            Assert.False(Directory.Exists(Path.Combine(output, "liver", thick)));
            Assert.False(Directory.Exists(Path.Combine(output, RoutingConfig.Second, thick)));
            Assert.False(Directory.Exists(Path.Combine(output, "liver", "quarantine", thick)), "an ignored series is not quarantined");
            Assert.Contains($"IGNORED   {thick}: by rule 'thick'", run.StandardOutput, StringComparison.Ordinal);

            using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "routing.json")));
            var decisions = record.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("series").GetString()!, e => e.GetProperty("decision"));
            Assert.Equal("thin", decisions[thin].GetProperty("rule").GetString());
            Assert.Equal(["liver", RoutingConfig.Second], decisions[thin].GetProperty("pipelines").EnumerateArray().Select(p => p.GetString()!));
            Assert.True(decisions[thick].GetProperty("ignored").GetBoolean());

            // Each pipeline's summary holds its own series only.
            foreach (var pipeline in new[] { "liver", RoutingConfig.Second })
            {
                using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, pipeline, "batch-summary.json")));
                Assert.Contains(thin, summary.RootElement.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(thick, summary.RootElement.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void An_explicit_pipeline_bypasses_the_rules()
    {
        var root = TestPaths.NewTempDirectory("e2e-routed-explicit");
        try
        {
            var input = Path.Combine(root, "in");
            CopyTree(RoutingConfig.SampleCt(1), Path.Combine(input, "p1"));
            var output = Path.Combine(root, "out");
            var run = PipelineSegCli.Run("batch", "--input", input, "--output", output, "--pipeline", RoutingConfig.Second, "--config", RoutingConfig.Write(root), "--quiet");
            Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
            Assert.NotEmpty(RoutingConfig.Segs(Path.Combine(output, RoutingConfig.SeriesUid(1))));
            Assert.False(File.Exists(Path.Combine(output, "routing.json")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
