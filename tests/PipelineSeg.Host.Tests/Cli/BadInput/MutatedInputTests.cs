using PipelineSeg.Host.Cli;

namespace PipelineSeg.Host.Tests.Cli.BadInput;

/// <summary>
/// Every command that reads files, fed damaged copies of good ones (in process, so a crash is an exception escaping the
/// runner): each ends with exit code 0, 1 or 2 and, when it fails, a reason on standard error or output — never an
/// unhandled exception or a stack trace.
/// </summary>
public sealed class MutatedInputTests
{
    private const int PerCommand = 60;

    private static string Sample(params string[] parts) => TestPaths.Repo(["samples", "dicom", "phantom-0003", .. parts]);

    [SkippableFact]
    public async Task Inspect_survives_every_mutated_slice()
    {
        await ForEachMutationAsync(Sample("ct", "CT0005.dcm"), 1, ".dcm", (path, _) => ["inspect", "--input", path, "--deep"]);
    }

    [SkippableFact]
    public async Task Convert_survives_every_mutated_slice()
    {
        await ForEachMutationAsync(Sample("ct", "CT0005.dcm"), 2, ".dcm", (path, dir) => ["convert", "--input", path, "--output", Path.Combine(dir, "out.nii.gz")]);
    }

    [SkippableFact]
    public async Task Evaluate_survives_every_mutated_segmentation()
    {
        var truth = Sample("ground-truth", "labels.seg.dcm");
        await ForEachMutationAsync(truth, 3, ".dcm", (path, _) => ["evaluate", "--prediction", path, "--ground-truth", truth, "--no-surface"]);
    }

    [SkippableFact]
    public async Task Evaluate_survives_every_mutated_nifti()
    {
        var truth = TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", "metrics_gt.nii.gz");
        var plain = TestPaths.Repo("tests", "PipelineSeg.Imaging.Tests", "Fixtures", "bigendian_qform_only.nii");
        await ForEachMutationAsync(plain, 4, ".nii", (path, _) => ["evaluate", "--prediction", path, "--ground-truth", truth, "--no-surface", "--resample"]);
    }

    [SkippableFact]
    public async Task Models_survives_every_mutated_plugin_manifest()
    {
        // The Host's own output holds the published bundled plugin: tests/…/bin/<Configuration>/<tfm>/ -> src/PipelineSeg.Host/bin/<Configuration>/<tfm>/plugins.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var bundled = TestPaths.Repo("src", "PipelineSeg.Host", "bin", tfm.Parent!.Name, tfm.Name, "plugins");
        var plugin = Path.Combine(bundled, "PipelineSeg.Plugins.UNet");
        await ForEachMutationAsync(Path.Combine(plugin, "plugin.json"), 5, ".json", (path, dir) =>
        {
            // A plugins folder whose only plugin has the damaged manifest (the rest of the plugin is intact).
            var copy = Path.Combine(dir, "plugins", Path.GetFileName(plugin));
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(plugin))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)), overwrite: true);
            }
            File.Copy(path, Path.Combine(copy, "plugin.json"), overwrite: true);
            return ["models", "--plugins", Path.Combine(dir, "plugins")];
        }, count: 20);
    }

    private static async Task ForEachMutationAsync(string original, int seed, string extension, Func<string, string, string[]> command, int count = PerCommand)
    {
        var root = TestPaths.NewTempDirectory("mutated-cli");
        try
        {
            var failures = new List<string>();
            foreach (var (name, bytes) in Mutations.Of(await File.ReadAllBytesAsync(original), count, seed))
            {
                var dir = Path.Combine(root, name);
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, "input" + extension);
                await File.WriteAllBytesAsync(path, bytes);
                var args = command(path, dir);
                int code;
                using var output = new StringWriter();
                using var error = new StringWriter();
                try
                {
                    code = await CliApplication.RunAsync(args, output, error);
                }
#pragma warning disable CA1031 // the point of the test: any exception escaping the runner is a crash of the process
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add($"{name}: crashed with {e.GetType().Name}: {e.Message}");
                    continue;
                }
                var problem = CrashCheck.Problem(code, output.ToString(), error.ToString());
                if (problem is not null)
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
