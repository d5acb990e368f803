using PipelineSeg.EndToEnd.Tests.Cli;
using PipelineSeg.Host.Tests.Cli.BadInput;

namespace PipelineSeg.EndToEnd.Tests.BadInput;

/// <summary>
/// The error policy seen from outside, as a user meets it: the real process, fed damaged files, ends with 0, 1 or 2 and a
/// reason, never an abort (exit 134) or a stack trace. The larger corpus runs in process (Host.Tests); this one is small
/// because each case starts a process.
/// </summary>
public sealed class MutatedFileProcessTests
{
    private const int PerCommand = 6;

    private static string Slice => TestPaths.Repo("samples", "dicom", "phantom-0003", "ct", "CT0005.dcm");

    [SkippableFact]
    public void Convert_of_one_truncated_slice_fails_with_exit_code_1_naming_the_file()
    {
        var dir = TestPaths.NewTempDirectory("e2e-convert-corrupt");
        try
        {
            var file = Path.Combine(dir, "slice.dcm");
            var bytes = File.ReadAllBytes(Slice);
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

            var result = PipelineSegCli.Run("convert", "--input", file, "--output", Path.Combine(dir, "out.nii.gz"));

            Assert.True(result.ExitCode == 1, result.Combined);
            Assert.Contains(file, result.StandardError, StringComparison.Ordinal);
            Assert.Null(CrashCheck.Problem(result.ExitCode, result.StandardOutput, result.StandardError));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableTheory]
    [InlineData("inspect")]
    [InlineData("convert")]
    [InlineData("evaluate")]
    [InlineData("batch")]
    public void Each_command_survives_mutated_files(string command)
    {
        var root = TestPaths.NewTempDirectory("e2e-mutated");
        try
        {
            var failures = new List<string>();
            var seg = TestPaths.Repo("samples", "dicom", "phantom-0003", "ground-truth", "labels.seg.dcm");
            var original = command == "evaluate" ? seg : Slice;
            foreach (var (name, bytes) in Mutations.Of(File.ReadAllBytes(original), PerCommand, seed: 17))
            {
                var dir = Path.Combine(root, name);
                Directory.CreateDirectory(dir);
                var file = Path.Combine(dir, "input.dcm");
                File.WriteAllBytes(file, bytes);
                string[] args = command switch
                {
                    "inspect" => ["inspect", "--input", file, "--deep"],
                    "convert" => ["convert", "--input", file, "--output", Path.Combine(dir, "out.nii.gz")],
                    "evaluate" => ["evaluate", "--prediction", file, "--ground-truth", seg, "--no-surface"],
                    _ => ["batch", "--input", dir, "--output", Path.Combine(dir, "out")],
                };
                var result = PipelineSegCli.Run(args);
                if (CrashCheck.Problem(result.ExitCode, result.StandardOutput, result.StandardError) is { } problem)
                {
                    failures.Add($"{name}: {problem}");
                }
            }
            Assert.True(failures.Count == 0, string.Join('\n', failures));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
