using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary><c>pipelineseg batch --backend torch</c> on the bundled samples writes the labels the builtin engine writes.</summary>
public sealed class BatchBackendTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Batch_with_backend_torch_gives_the_builtin_labels_on_the_bundled_samples()
    {
        using var folder = new TorchPluginFolder().WithTorch().WithUNet();
        var builtin = TestPaths.NewTempDirectory("e2e-builtin");
        var torch = TestPaths.NewTempDirectory("e2e-torch");
        try
        {
            var samples = TestPaths.Repo("samples", "dicom");
            var a = HostCli.Run("batch", "--input", samples, "--output", builtin, "--plugins", folder.Root, "--outputs", "nifti", "--backend", "builtin");
            var b = HostCli.Run("batch", "--input", samples, "--output", torch, "--plugins", folder.Root, "--outputs", "nifti", "--backend", "torch");
            Assert.True(a.ExitCode == 0, a.Combined);
            Assert.True(b.ExitCode == 0, b.Combined);
            var labels = Directory.GetFiles(builtin, "labels.nii.gz", SearchOption.AllDirectories);
            Assert.Equal(3, labels.Length);
            foreach (var path in labels)
            {
                var twin = Path.Combine(torch, Path.GetRelativePath(builtin, path));
                var (expected, actual) = (NiftiVoxels.Read(path), NiftiVoxels.Read(twin));
                output.WriteLine($"{Path.GetFileName(Path.GetDirectoryName(path))}: {expected.Length} voxels, {expected.Count(v => v != 0)} labelled");
                Assert.True(expected.Count(v => v != 0) > 1000, "the sample should have liver voxels");
                Assert.Equal(expected, actual);
            }
        }
        finally
        {
            Directory.Delete(builtin, recursive: true);
            Directory.Delete(torch, recursive: true);
        }
    }
}
