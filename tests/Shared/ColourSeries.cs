namespace PipelineSeg.Testing;

/// <summary>
/// A small colour series made at test time by tools/dicom-colour/make_colour_series.py (pydicom), with pydicom's RGB
/// reference: R, G, B planes per slice in position order. Deleted on dispose.
/// </summary>
internal sealed class ColourSeries : IDisposable
{
    private ColourSeries(string root, byte[]? reference)
    {
        Root = root;
        Reference = reference;
    }

    /// <summary>The temporary folder (the series lies in <see cref="Folder"/>).</summary>
    public string Root { get; }

    /// <summary>The folder of the DICOM files.</summary>
    public string Folder => Path.Combine(Root, "series");

    /// <summary>pydicom's pixels as RGB, [slice][R, G, B][row][column]; null for kinds pydicom is not asked about (ybr422).</summary>
    public byte[]? Reference { get; }

    /// <summary>
    /// Writes <paramref name="slices"/> slices of <paramref name="kind"/>: rgb0, rgb1, ybr0, ybr1 (48×48, planar
    /// configuration 0 / 1), ybr422 (native YBR_FULL_422) or jpeg (copies of the JPEG baseline YBR_FULL sample).
    /// </summary>
    public static ColourSeries Create(string kind, int slices)
    {
        var root = TestPaths.NewTempDirectory("colour-" + kind);
        List<string> arguments = [TestPaths.Repo("tools", "dicom-colour", "make_colour_series.py"), root, kind, slices.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (kind == "jpeg")
        {
            arguments.Add(Path.Combine(TestPaths.DicomSamples, "transfer-syntaxes", "misc", "SC_rgb_jpeg_dcmtk.dcm"));
        }
        var result = ExternalTool.Run(ExternalTool.Python, arguments);
        if (result.ExitCode != 0)
        {
            Directory.Delete(root, recursive: true);
            throw new InvalidOperationException($"make_colour_series.py failed ({result.ExitCode}): {result.StandardError}");
        }
        var reference = Path.Combine(root, "reference.u8");
        return new ColourSeries(root, File.Exists(reference) ? File.ReadAllBytes(reference) : null);
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
