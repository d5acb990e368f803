using PipelineSeg.EndToEnd.Tests.Cli;

namespace PipelineSeg.EndToEnd.Tests.Serve.Reliability;

/// <summary>Small inputs for the reliability tests: tiny phantom CT series (with their ground-truth SEG) and non-DICOM exports.</summary>
internal static class Inputs
{
    /// <summary>
    /// <paramref name="count"/> phantom exports (32×32 pixels, <paramref name="slices"/> slices: about a second each to
    /// segment) in staging folders under <paramref name="root"/>; every file name is made unique (prefixed with the
    /// export's number) so the tests can tell where each single file ended.
    /// </summary>
    public static IReadOnlyList<string> Phantoms(string root, int count, int seed, int slices = 4)
    {
        var staging = Path.Combine(root, "staging");
        var run = PipelineSegCli.Run("phantom", "--output", staging, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--size", "32",
            "--slices", slices.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.Combined);
        var exports = Directory.GetDirectories(staging).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < exports.Count; i++)
        {
            foreach (var file in Directory.GetFiles(exports[i], "*", SearchOption.AllDirectories))
            {
                File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, $"{i:D2}-{Path.GetFileName(file)}"));
            }
        }
        return exports;
    }

    /// <summary>An export folder of files that are not DICOM (it must end in failed/ with its error.json).</summary>
    public static string NotDicom(string root, string name, int files = 2)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "staging", name)).FullName;
        for (var i = 0; i < files; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{name}-{i}.bin"), $"not DICOM {name} {i}");
        }
        return folder;
    }

    /// <summary>Every file name under <paramref name="folders"/> (unique by construction).</summary>
    public static IReadOnlyList<string> FileNames(IEnumerable<string> folders) => [.. folders.SelectMany(ServeFolders.FileNames).Order(StringComparer.Ordinal)];
}
