namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>A random-weight checkpoint of a family's PyTorch reference plus input and expected output, written by
/// tools/reference/make_checkpoint.py with Debian's torch (the test skips naming torch when it is missing).</summary>
internal sealed class ReferenceCheckpoint : IDisposable
{
    private ReferenceCheckpoint(string directory, string weights)
    {
        Directory = directory;
        Weights = weights;
    }

    public string Directory { get; }

    public string Weights { get; }

    public string Input => Path.Combine(Directory, "input.npy");

    public string Expected => Path.Combine(Directory, "expected.npy");

    /// <param name="script">The writer in tools/reference: make_checkpoint.py (our reference definitions) or
    /// make_torchvision_checkpoint.py (deeplabv3 from torchvision's own class).</param>
    public static ReferenceCheckpoint Write(string family, string parameters, string shape, string format = "pth", int seed = 0, string prefix = "",
        string script = "make_checkpoint.py")
    {
        var dir = TestPaths.NewTempDirectory($"ref-{family}");
        var result = ExternalTool.Run(ExternalTool.Python,
            [TestPaths.Repo("tools", "reference", script), family, parameters, dir, "--shape", shape, "--format", format,
             "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--prefix", prefix], TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0)
        {
            System.IO.Directory.Delete(dir, recursive: true);
            throw new InvalidOperationException($"{script} failed: {result.StandardError}");
        }
        return new ReferenceCheckpoint(dir, Path.Combine(dir, format == "safetensors" ? "model.safetensors" : "model.pth"));
    }

    /// <summary><c>models verify</c> on this checkpoint with the bundled plugins.</summary>
    public ExternalToolResult Verify(string plugin, string parameters, params string[] extra) =>
        PipelineSeg.EndToEnd.Tests.Cli.PipelineSegCli.Run(["models", "verify", "--plugin", plugin, "--weights", Weights, "--params", parameters,
            "--input", Input, "--expected", Expected, .. extra]);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
