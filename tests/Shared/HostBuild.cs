namespace PipelineSeg.Testing;

/// <summary>The host's build output the real-CLI tests run: src/PipelineSeg.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;/, same configuration as the tests.</summary>
internal static class HostBuild
{
    /// <summary>The Host's own output folder (it holds config/ and the bundled plugins/).</summary>
    public static string Directory
    {
        get
        {
            // tests/<project>/bin/<Configuration>/net10.0/ -> src/PipelineSeg.Host/bin/<Configuration>/net10.0/
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return TestPaths.Repo("src", "PipelineSeg.Host", "bin", tfm.Parent!.Name, tfm.Name);
        }
    }

    /// <summary>pipelineseg.dll in <see cref="Directory"/>.</summary>
    public static string Dll => Path.Combine(Directory, "pipelineseg.dll");
}
