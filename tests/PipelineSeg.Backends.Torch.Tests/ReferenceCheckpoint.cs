using PipelineSeg.Tensors;

namespace PipelineSeg.Backends.Torch.Tests;

/// <summary>
/// A random-weight checkpoint of a family's PyTorch reference (tools/reference/make_checkpoint.py, safetensors) with its
/// input and eval-mode output, written by Debian's torch into a temporary folder (skips naming a missing prerequisite).
/// </summary>
internal sealed class ReferenceCheckpoint : IDisposable
{
    private ReferenceCheckpoint(string directory) => Directory = directory;

    public string Directory { get; }

    public string Weights => Path.Combine(Directory, "model.safetensors");

    public static ReferenceCheckpoint Make(string family, string parameters, string shape)
    {
        var directory = TestPaths.NewTempDirectory("torch-ref");
        var result = ExternalTool.Run(ExternalTool.Python,
            [TestPaths.Repo("tools", "reference", "make_checkpoint.py"), family, parameters, directory, "--shape", shape, "--format", "safetensors"],
            TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            System.IO.Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException($"make_checkpoint.py {family} failed: {result.StandardError}");
        }
        return new ReferenceCheckpoint(directory);
    }

    /// <summary>input.npy or expected.npy as float32 values (NCHW order).</summary>
    public float[] Values(string name) => NpyFile.Read(Path.Combine(Directory, name)).AsFloat32().ToArray();

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
