using Xunit.Abstractions;

namespace PipelineSeg.Testing;

/// <summary>The checks every backend's package tests make through the real <c>pipelineseg batch</c>, one body for ONNX and torch.</summary>
internal static class PackageChecks
{
    /// <summary>
    /// <c>batch</c> with <paramref name="package"/> gives the builtin <paramref name="nativeModel"/>'s labels on the
    /// bundled samples (per-label Dice ≥ 0.999; <paramref name="output"/> lists the voxels that differ, usually none).
    /// </summary>
    public static void BatchGivesTheBuiltinLabels(string pluginsRoot, string nativeModel, string package, string backend, ITestOutputHelper output)
    {
        var work = TestPaths.NewTempDirectory("e2e-packages");
        try
        {
            var config = BackendHost.WriteConfig(work, pluginsRoot, [nativeModel, package]);
            var builtin = BackendHost.Batch(config, nativeModel, Path.Combine(work, "builtin"));
            var other = BackendHost.Batch(config, package, Path.Combine(work, backend));
            Assert.True(builtin.ExitCode == 0, builtin.Combined);
            Assert.True(other.ExitCode == 0, other.Combined);
            var rows = LabelComparison.Compare(Path.Combine(work, "builtin"), Path.Combine(work, backend));
            Assert.Equal(3, rows.Count);
            foreach (var (series, voxels, labelled, differing, dice) in rows)
            {
                output.WriteLine($"{series}: {voxels} voxels, {labelled} labelled, {differing} differ, min Dice {dice:F6}");
                Assert.True(labelled > 1000, "the sample should have liver voxels");
                // float32 differences between engines may flip a voxel whose probability sits on the threshold (SegNet's
                // regression map: 1 voxel of 106,982 labelled on ONNX Runtime), hence Dice rather than equality.
                Assert.True(dice >= 0.999, $"{series}: {differing} voxels differ from the builtin labels (min Dice {dice:F6} < 0.999)");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// In a plugins folder whose <paramref name="backendPluginId"/> lacks its native library, <paramref name="package"/>
    /// is refused at load naming both plugins (<paramref name="assertCause"/> checks the library is named), and the
    /// builtin U-Net in the same folder keeps working.
    /// </summary>
    public static void MissingLibraryRefusesThePackage(string pluginsRoot, string package, string backendPluginId, Action<string> assertCause, ITestOutputHelper output)
    {
        var work = TestPaths.NewTempDirectory("e2e-nolib");
        try
        {
            // Its own process: a test that ran the complete backend earlier would have the library mapped in this one.
            var config = BackendHost.WriteConfig(work, pluginsRoot, [package, "unet-liver-phantom"]);
            var refused = BackendHost.Batch(config, package, Path.Combine(work, "package"));
            output.WriteLine(refused.Combined);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"plugin '{backendPluginId}'", refused.Combined, StringComparison.Ordinal);
            Assert.Contains($"failed to create model '{package}' of plugin 'pipelineseg.package.{package}'", refused.Combined, StringComparison.Ordinal);
            assertCause(refused.Combined);

            var builtin = BackendHost.Batch(config, "unet-liver-phantom", Path.Combine(work, "builtin"));
            Assert.True(builtin.ExitCode == 0, builtin.Combined);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
