using PipelineSeg.Phantoms.Export;
using PipelineSeg.Phantoms.Generation;

namespace PipelineSeg.Pipeline.Tests.Fakes;

/// <summary>A small phantom written as a DICOM export (CT series + ground-truth SEG) in a temporary folder.</summary>
internal sealed class PhantomFolder : IDisposable
{
    private PhantomFolder(string root, PhantomCase phantom, string folder) => (Root, Case, Folder) = (root, phantom, folder);

    public string Root { get; }

    public PhantomCase Case { get; }

    /// <summary>phantom-&lt;seed&gt; with ct/ and ground-truth/.</summary>
    public string Folder { get; }

    public string CtFolder => Path.Combine(Folder, "ct");

    public static async Task<PhantomFolder> CreateAsync(int seed = 4, int size = 48, int slices = 6)
    {
        var root = TestPaths.NewTempDirectory("pipeline-phantom");
        var (phantom, folder) = await PhantomExporter.ExportAsync(seed, new PhantomOptions { Size = size, Slices = slices }, PhantomFormat.Dicom, root);
        return new PhantomFolder(root, phantom, folder);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
