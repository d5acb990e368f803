using System.Globalization;
using System.Text.Json;
using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Compare;

/// <summary>
/// <c>pipelineseg compare</c> on tiny phantom datasets made here: one model's per-case metrics equal <c>evaluate --sweep</c>
/// on the maps compare saved; npy and HDF5 copies of one dataset give one table; bad input is refused by name.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private static readonly string[] Metrics = ["pixelAccuracy", "sensitivity", "specificity", "iou", "dice", "hausdorffMm", "hausdorff95Mm"];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipelineseg-compare-e2e-");

    public void Dispose() => _dir.Delete(recursive: true);

    [SkippableFact]
    public void One_model_equals_evaluate_per_case_and_the_rows_are_the_case_means()
    {
        CompareRun.Phantoms(Path(".phantoms"), "nifti", count: 2, seed: 21, size: 64, slices: 8);
        foreach (var phantom in Directory.GetDirectories(Path(".phantoms")))
        {
            var name = System.IO.Path.GetFileName(phantom) + ".nii.gz";
            Directory.CreateDirectory(Path("images"));
            Directory.CreateDirectory(Path("masks"));
            File.Copy(System.IO.Path.Combine(phantom, "ct.nii.gz"), Path("images", name));
            File.Copy(System.IO.Path.Combine(phantom, "labels.nii.gz"), Path("masks", name));
        }
        File.WriteAllText(Path("dataset.json"), """
            { "format": "nifti", "splits": { "test": { "images": "images", "masks": "masks" } }, "maskLabels": [1, 2], "segment": "liver" }
            """);
        var r = PipelineSegCli.Run("compare", "--data", _dir.FullName, "--models", "unet-liver-phantom", "--thresholds", "0.3,0.5,0.7",
            "--output", Path("out"), "--save-maps", "--quiet");
        Assert.True(r.ExitCode == 0, r.Combined);
        var cases = CompareRun.Csv(Path("out", "comparison-cases.csv"));
        Assert.Equal(2 * 3, cases.Count);
        Assert.All(cases.Where(c => c["threshold"] == "0.5"), c => Assert.True(CompareRun.Number(c["dice"]) > 0.8, $"{c["case"]}: dice {c["dice"]}"));
        foreach (var group in cases.GroupBy(c => c["case"]))
        {
            var e = PipelineSegCli.Run("evaluate", "--sweep", "--thresholds", "0.3,0.5,0.7", "--json",
                "--prediction", Path("out", "maps", "unet-liver-phantom", group.Key), "--ground-truth", Path("out", "maps", "ground-truth", group.Key));
            Assert.True(e.ExitCode == 0, e.Combined);
            using var json = JsonDocument.Parse(e.StandardOutput);
            foreach (var entry in json.RootElement.GetProperty("thresholds").EnumerateArray())
            {
                var threshold = entry.GetProperty("threshold").GetDouble().ToString("R", CultureInfo.InvariantCulture);
                var row = group.Single(c => c["threshold"] == threshold);
                foreach (var key in Metrics)
                {
                    var expected = entry.GetProperty("metrics").GetProperty(key);
                    Assert.Equal(expected.ValueKind == JsonValueKind.Null ? null : expected.GetDouble(), CompareRun.Number(row[key]));
                }
                Assert.Equal(json.RootElement.GetProperty("generalizedJaccard").GetDouble(), CompareRun.Number(row["generalizedJaccard"]));
            }
        }
        var summary = CompareRun.Csv(Path("out", "comparison.csv"));
        Assert.Equal(3, summary.Count);
        foreach (var row in summary)
        {
            Assert.Equal("2", row["cases"]);
            var dice = cases.Where(c => c["threshold"] == row["threshold"]).Select(c => CompareRun.Number(c["dice"])!.Value).ToList();
            Assert.Equal(dice.Average(), CompareRun.Number(row["diceMean"])!.Value, 12);
            Assert.Equal(Math.Abs(dice[0] - dice[1]) / Math.Sqrt(2), CompareRun.Number(row["diceSd"])!.Value, 12);
        }
    }

    [SkippableFact]
    public void Npy_and_hdf5_copies_give_one_table_with_charts_and_bad_input_is_named()
    {
        CompareRun.Phantoms(Path(".phantoms"), "npy", count: 1, seed: 22, size: 64, slices: 4);
        var phantom = Directory.GetDirectories(Path(".phantoms")).Single();
        Directory.CreateDirectory(Path("npy"));
        File.Copy(System.IO.Path.Combine(phantom, "ct.npy"), Path("npy", "x_test.npy"));
        File.Copy(System.IO.Path.Combine(phantom, "labels.npy"), Path("npy", "y_test.npy"));
        File.WriteAllText(Path("npy", "dataset.json"), """
            { "format": "npy", "splits": { "test": { "images": "x_test.npy", "masks": "y_test.npy" } }, "pixelSpacingMm": [2.5, 2.5], "maskLabels": [1, 2] }
            """);
        Directory.CreateDirectory(Path("h5"));
        ExternalTool.RunPython("""
            import sys, h5py, numpy as np
            with h5py.File(sys.argv[3], "w") as f:
                f.create_dataset("ct", data=np.load(sys.argv[1])[:, None])
                f.create_dataset("labels", data=np.load(sys.argv[2]).astype(np.float64))
            """, Path("npy", "x_test.npy"), Path("npy", "y_test.npy"), Path("h5", "patches.h5"));
        File.WriteAllText(Path("h5", "dataset.json"), """
            { "format": "hdf5", "splits": { "test": { "file": "patches.h5", "images": "ct", "masks": "labels" } }, "pixelSpacingMm": [2.5, 2.5], "maskLabels": [1, 2] }
            """);
        var models = "unet=unet-liver-phantom,segnet-liver-phantom";
        var npy = PipelineSegCli.Run("compare", "--data", Path("npy"), "--models", models, "--output", Path("out-npy"), "--quiet");
        Assert.True(npy.ExitCode == 0, npy.Combined);
        var h5 = PipelineSegCli.Run("compare", "--data", Path("h5", "dataset.json"), "--models", models, "--output", Path("out-h5"), "--quiet", "--json");
        Assert.True(h5.ExitCode == 0, h5.Combined);
        using (var json = JsonDocument.Parse(h5.StandardOutput))
        {
            var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal(10, rows.Count);
            var unet = rows.Single(r => r.GetProperty("model").GetString() == "unet" && r.GetProperty("threshold").GetDouble() == 0.5);
            var csv = CompareRun.Csv(Path("out-npy", "comparison.csv")).Single(r => r["model"] == "unet" && r["threshold"] == "0.5");
            Assert.Equal(CompareRun.Number(csv["diceMean"]), unet.GetProperty("metrics").GetProperty("dice").GetProperty("mean").GetDouble());
            Assert.Equal(4, unet.GetProperty("cases").GetInt32());
        }
        Assert.Equal(File.ReadAllText(Path("out-npy", "comparison.csv")), File.ReadAllText(Path("out-h5", "comparison.csv")));
        Assert.Equal(2 * 5 + 1, File.ReadAllLines(Path("out-npy", "comparison.csv")).Length); // 2 models × 5 default thresholds
        Assert.Contains("| unet | 4 |", npy.StandardOutput, StringComparison.Ordinal);
        var html = File.ReadAllText(Path("out-npy", "comparison.html"));
        Assert.Equal(7, html.Split("<img src=\"data:image/png;base64,").Length - 1); // 5 curves, 2 box plots
        Assert.True(new FileInfo(Path("out-npy", "comparison-curve-dice.png")).Length > 5_000);

        var model = PipelineSegCli.Run("compare", "--data", Path("npy"), "--models", "nosuch", "--output", Path("bad"));
        Assert.Equal(2, model.ExitCode);
        Assert.Contains("'nosuch' is neither a pipeline", model.StandardError, StringComparison.Ordinal);
        Assert.Contains("unet-liver-phantom", model.StandardError, StringComparison.Ordinal);
        File.WriteAllText(Path("npy", "y_test.npy"), "damaged");
        var damaged = PipelineSegCli.Run("compare", "--data", Path("npy"), "--models", "unet-liver-phantom", "--output", Path("bad"));
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains("y_test.npy: not a .npy file", damaged.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Dicom_case_folders_are_scored_against_their_seg_and_a_missing_mask_is_named()
    {
        File.WriteAllText(Path("dicom.json"), JsonSerializer.Serialize(new
        {
            format = "dicom",
            splits = new { test = new { images = TestPaths.Repo("samples", "dicom") } },
            maskLabels = new[] { 1, 2 },
            segment = "liver",
        }));
        var r = PipelineSegCli.Run("compare", "--data", Path("dicom.json"), "--models", "unet-liver-phantom", "--thresholds", "0.5", "--output", Path("out"), "--quiet");
        Assert.True(r.ExitCode == 0, r.Combined);
        var cases = CompareRun.Csv(Path("out", "comparison-cases.csv"));
        Assert.Equal(["phantom-0001", "phantom-0002", "phantom-0003"], cases.Select(c => c["case"]));
        // the samples' liver Dice in README (batch, after clean-up) is 0.94, 0.94, 0.92; here the raw probabilities at 0.5
        Assert.All(cases, c => Assert.InRange(CompareRun.Number(c["dice"])!.Value, 0.9, 0.96));

        Directory.CreateDirectory(Path("masks"));
        File.WriteAllText(Path("dicom.json"), JsonSerializer.Serialize(new
        {
            format = "dicom",
            splits = new { test = new { images = TestPaths.Repo("samples", "dicom"), masks = Path("masks") } },
        }));
        var missing = PipelineSegCli.Run("compare", "--data", Path("dicom.json"), "--models", "unet-liver-phantom", "--output", Path("out2"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no ground truth for case 'phantom-0001'", missing.StandardError, StringComparison.Ordinal);
    }

    private string Path(params string[] parts) => System.IO.Path.Combine([_dir.FullName, .. parts]);
}
