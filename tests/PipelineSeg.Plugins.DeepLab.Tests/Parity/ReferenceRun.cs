using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab.Tests.Parity;

/// <summary>A tools/reference script run into a temporary folder with Debian's torch (skips naming a missing prerequisite).</summary>
internal sealed class ReferenceRun : IDisposable
{
    private ReferenceRun(string directory) => Directory = directory;

    public string Directory { get; }

    public static ReferenceRun Script(string script, params string[] arguments)
    {
        var dir = TestPaths.NewTempDirectory("deeplab-ref");
        var result = ExternalTool.Run(ExternalTool.Python, [TestPaths.Repo("tools", "reference", script), .. arguments.Select(a => a == "{out}" ? dir : a)],
            TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            System.IO.Directory.Delete(dir, recursive: true);
            throw new InvalidOperationException($"{script} failed: {result.StandardError}");
        }
        return new ReferenceRun(dir);
    }

    public string File(string name) => Path.Combine(Directory, name);

    public Tensor Tensor(string name) => PipelineSeg.Tensors.NpyFile.ReadTensor(File(name));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
