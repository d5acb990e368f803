using Xunit.Abstractions;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary><c>pipelineseg batch --pipeline deeplab --backend torch</c> on the bundled phantoms writes the builtin engine's labels.</summary>
public sealed class DeepLabBatchBackendTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Batch_deeplab_with_backend_torch_gives_the_builtin_labels()
    {
        using var folder = new TorchPluginFolder().WithTorch();
        folder.AddDeepLab();
        var builtin = TestPaths.NewTempDirectory("e2e-deeplab-builtin");
        var torch = TestPaths.NewTempDirectory("e2e-deeplab-torch");
        try
        {
            var samples = TestPaths.Repo("samples", "dicom");
            string[] common = ["--input", samples, "--plugins", folder.Root, "--pipeline", "deeplab", "--outputs", "nifti"];
            var a = HostCli.Run(["batch", .. common, "--output", builtin, "--backend", "builtin"]);
            var b = HostCli.Run(["batch", .. common, "--output", torch, "--backend", "torch"]);
            Assert.True(a.ExitCode == 0, a.Combined);
            Assert.True(b.ExitCode == 0, b.Combined);
            var labels = Directory.GetFiles(builtin, "labels.nii.gz", SearchOption.AllDirectories);
            Assert.Equal(3, labels.Length);
            foreach (var path in labels)
            {
                var (expected, actual) = (NiftiVoxels.Read(path), NiftiVoxels.Read(Path.Combine(torch, Path.GetRelativePath(builtin, path))));
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
