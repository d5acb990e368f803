namespace PipelineSeg.Testing;

/// <summary>
/// The code-free packages tools/backends/export_model.py writes from one sample model of each family: committed under
/// samples/models/&lt;id&gt;-onnx|-torchscript, except DeepLabV3 (4 MB of fp32 per graph), exported once per test run.
/// </summary>
internal static class ExportedPackages
{
    /// <summary>The native sample model of each family the packages are exported from.</summary>
    public static TheoryData<string> NativeModels => new() { "unet-liver-phantom", "segnet-liver-phantom", "deeplabv3-liver-phantom", "cyclegan-liver-phantom" };

    private const string ExportedAtRunTime = "deeplabv3-liver-phantom";

    private static readonly Lazy<string> RunTimeExport = new(Export);

    /// <summary>The native plugin project (plugins/PipelineSeg.Plugins.X) serving <paramref name="nativeModel"/>.</summary>
    public static string FamilyPlugin(string nativeModel) => nativeModel.Split('-')[0] switch
    {
        "unet" => "UNet",
        "segnet" => "SegNet",
        "deeplabv3" => "DeepLab",
        "cyclegan" => "CycleGan",
        var family => throw new ArgumentException($"no family plugin for {family}", nameof(nativeModel)),
    };

    /// <summary>Copies the <paramref name="kind"/> (onnx or torchscript) package of <paramref name="nativeModel"/> into
    /// <paramref name="pluginsRoot"/>; returns the package's model id.</summary>
    public static string Add(string pluginsRoot, string nativeModel, string kind)
    {
        var id = $"{nativeModel}-{kind}";
        var source = nativeModel == ExportedAtRunTime ? Path.Combine(RunTimeExport.Value, id) : TestPaths.Repo("samples", "models", id);
        Assert.True(File.Exists(Path.Combine(source, "plugin.json")), $"package {id} missing: run /usr/bin/python3 tools/backends/export_model.py --all");
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var target = Directory.CreateDirectory(Path.Combine(pluginsRoot, id)).FullName;
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return id;
    }

    private static string Export()
    {
        var output = TestPaths.NewTempDirectory("psexport");
        var result = ExternalTool.Run(ExternalTool.Python,
            [TestPaths.Repo("tools", "backends", "export_model.py"), "--model", ExportedAtRunTime, "--out", output], TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.Combined);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(output, recursive: true);
        return output;
    }
}
