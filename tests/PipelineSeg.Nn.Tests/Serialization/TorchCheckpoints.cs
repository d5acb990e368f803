namespace PipelineSeg.Nn.Tests.Serialization;

/// <summary>The files tools/reference/write_checkpoints.py writes with Debian's torch, generated once per test run.</summary>
internal static class TorchCheckpoints
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = TestPaths.NewTempDirectory("torch-checkpoints");
        var result = ExternalTool.Run(ExternalTool.Python, [TestPaths.Repo("tools", "reference", "write_checkpoints.py"), dir]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"write_checkpoints.py failed: {result.StandardError}");
        }
        return dir;
    });

    public static string PathOf(string file) => System.IO.Path.Combine(Folder.Value, file);
}
