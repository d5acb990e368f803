using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

/// <summary>A plugin.json without an assembly is a model package: every model must name the backend that runs its file.</summary>
public sealed class ModelPackageManifestTests
{
    [SkippableFact]
    public void The_shipped_onnx_sample_package_is_a_valid_model_package()
    {
        var path = TestPaths.Repo("samples", "models", "unet-liver-phantom-onnx", "plugin.json");
        var manifest = PluginManifestSerializer.Parse(File.ReadAllText(path), path);
        Assert.True(manifest.IsModelPackage);
        Assert.Empty(PluginManifestValidator.Validate(manifest));
        Assert.Equal(ExecutionBackends.Onnx, manifest.Models.Single().Backend);
    }

    [SkippableFact]
    public void A_package_model_on_the_builtin_engine_is_refused_by_name()
    {
        var manifest = Package("builtin");
        var problem = Assert.Single(PluginManifestValidator.Validate(manifest));
        Assert.Contains("model 'm': a model package (no 'assembly') has no code", problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_package_model_on_a_backend_is_valid()
    {
        var manifest = Package("torch");
        Assert.True(manifest.IsModelPackage);
        Assert.Empty(PluginManifestValidator.Validate(manifest));
    }

    [SkippableFact]
    public void An_assembly_without_an_entry_type_is_still_refused()
    {
        var manifest = new PluginManifest
        {
            Id = "p", Name = "p", Version = "1.0.0", ContractVersion = "2.1", Assembly = "P.dll", Models = Package("torch").Models,
        };
        Assert.False(manifest.IsModelPackage);
        Assert.Contains("'entryType' is empty", PluginManifestValidator.Validate(manifest));
    }

    private static PluginManifest Package(string backend) => new()
    {
        Id = "p", Name = "p", Version = "1.0.0", ContractVersion = "2.1",
        Models =
        [
            new ModelManifest
            {
                Id = "m", Name = "m", Version = "1", Family = "unet", Backend = backend,
                Input = new ModelInputSpec { Height = 8, Width = 8 },
                Output = new ModelOutputSpec { Classes = [new SegmentClass { Index = 0, Label = "background", IsBackground = true }] },
                Files = [new ModelFile { Path = "model.pt", Sha256 = new string('a', 64), Role = "model" }],
            },
        ],
    };
}
