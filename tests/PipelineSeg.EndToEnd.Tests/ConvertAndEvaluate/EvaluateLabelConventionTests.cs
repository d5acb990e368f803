using System.Text.Json;
using PipelineSeg.Imaging;
using PipelineSeg.Imaging.Nifti;

namespace PipelineSeg.EndToEnd.Tests.ConvertAndEvaluate;

/// <summary>evaluate on the command line: a label convention mismatch is refused (exit 2) naming --binary/--label; --json stays pure.</summary>
public sealed class EvaluateLabelConventionTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("e2e-eval-labels");

    private string Write(string name, Func<int, byte> valueAtX)
    {
        var v = new Volume<byte>(10, 10, 2, VolumeGeometry.WithSpacing(1, 1, 1));
        for (var z = 0; z < 2; z++)
        {
            for (var y = 2; y < 8; y++)
            {
                for (var x = 0; x < 10; x++)
                {
                    v[x, y, z] = valueAtX(x);
                }
            }
        }
        var path = Path.Combine(_dir, name);
        NiftiFile.WriteAsync(path, v).GetAwaiter().GetResult();
        return path;
    }

    [SkippableFact]
    public void A_two_valued_ground_truth_against_two_labels_is_refused_and_binary_gives_pure_json_with_the_note_on_stderr()
    {
        var truth = Write("gt.nii.gz", x => x is >= 2 and <= 7 ? (byte)255 : (byte)0);
        var prediction = Write("pred.nii.gz", x => x switch { >= 2 and <= 4 => 1, >= 5 and <= 7 => 2, _ => 0 });

        var refused = Cli.Run("evaluate", "--prediction", prediction, "--ground-truth", truth, "--json");
        Assert.True(refused.ExitCode == 2, refused.Combined);
        Assert.Contains("--binary", refused.StandardError, StringComparison.Ordinal);
        Assert.Contains("--label", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.StandardOutput.Trim());

        var binary = Cli.Run("evaluate", "--prediction", prediction, "--ground-truth", truth, "--json", "--binary");
        Assert.True(binary.ExitCode == 0, binary.Combined);
        using var doc = JsonDocument.Parse(binary.StandardOutput);
        Assert.Equal("binary", doc.RootElement.GetProperty("comparison").GetString());
        Assert.Equal(1.0, doc.RootElement.GetProperty("segments")[0].GetProperty("dice").GetDouble(), 1e-12);
        Assert.Contains("note: compared as binary masks", binary.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
