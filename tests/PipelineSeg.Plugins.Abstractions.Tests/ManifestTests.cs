using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

public sealed class ManifestTests
{
    private const string Valid = """
        {
          "id": "p", "name": "P", "version": "1.0.0", "contractVersion": "2.0",
          "assembly": "P.dll", "entryType": "P.Plugin",
          "models": [ {
            "id": "m", "name": "M", "version": "2.1.0", "family": "unet",
            "input": { "channels": 3, "height": 64, "width": 32, "layout": "adjacentSlices", "pixelSpacingMm": 0.8,
                       "intensity": { "kind": "zScore", "mean": 10, "std": 2 } },
            "output": { "kind": "probabilities", "classes": [
              { "index": 0, "label": "background", "isBackground": true },
              { "index": 1, "label": "liver", "category": { "code": "123037004", "scheme": "SCT", "meaning": "Anatomical Structure" },
                "type": { "code": "10200004", "scheme": "SCT", "meaning": "Liver" }, "color": [1, 2, 3] } ] },
            "backend": "onnxruntime",
            "capabilities": { "monteCarloDropout": true, "testTimeFlips": true, "maxBatch": 4 },
            "files": [ { "path": "w/m.safetensors", "sha256": "AB00000000000000000000000000000000000000000000000000000000000000" } ],
            "parameters": { "depth": 4, "dropout": 0.25, "name": "x", "flag": true },
            "futureField": "ignored"
          } ]
        }
        """;

    [SkippableFact]
    public void Parses_every_field_and_keeps_parameters_as_invariant_text()
    {
        var manifest = PluginManifestSerializer.Parse(Valid, "plugin.json");
        var m = Assert.Single(manifest.Models);
        Assert.Equal(new Version(2, 0), manifest.ParsedContractVersion);
        Assert.Equal("onnxruntime", m.Backend);
        Assert.True(m.Capabilities.TestTimeFlips);
        Assert.Equal((3, 64, 32, 0.8), (m.Input.Channels, m.Input.Height, m.Input.Width, m.Input.PixelSpacingMm));
        Assert.Equal(ChannelLayout.AdjacentSlices, m.Input.Layout);
        Assert.Equal(IntensityKind.ZScore, m.Input.Intensity.Kind);
        Assert.Equal(new CodedConcept("10200004", "SCT", "Liver"), m.Output.Classes[1].Type);
        Assert.Equal(2, m.Output.Channels);
        Assert.True(m.Capabilities.MonteCarloDropout);
        Assert.Equal("weights", m.FindFile("weights")!.Role);
        Assert.Equal(4, m.GetInt32("depth", 0));
        Assert.Equal(0.25, m.GetDouble("dropout", 0));
        Assert.Equal(7, m.GetInt32("absent", 7));
        Assert.Equal("true", m.Parameters["flag"]);
        Assert.Throws<FormatException>(() => m.GetInt32("name", 0));
        Assert.Equal(3 * 3 * 64 * 32, m.InputLength(3));
        Assert.Equal(3 * 2 * 64 * 32, m.OutputLength(3));
    }

    [SkippableFact]
    public void Contains_names_classes_of_the_same_model_and_a_bad_name_is_reported_with_the_field()
    {
        var withLesion = Valid.Replace("\"color\": [1, 2, 3] } ] }", """
            "color": [1, 2, 3], "contains": ["lesion"] },
              { "index": 2, "label": "lesion", "category": { "code": "49755003", "scheme": "SCT", "meaning": "Morphologically Altered Structure" },
                "type": { "code": "108369006", "scheme": "SCT", "meaning": "Neoplasm" } } ] }
            """, StringComparison.Ordinal);
        var m = Assert.Single(PluginManifestSerializer.Parse(withLesion, "plugin.json").Models);
        Assert.Equal(["lesion"], m.Output.Classes[1].Contains);
        Assert.Empty(m.Output.Classes[2].Contains);

        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(withLesion.Replace("[\"lesion\"]", "[\"tumour\"]", StringComparison.Ordinal), "plugin.json"));
        Assert.Contains("'contains' names 'tumour'", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Default_threshold_is_optional_and_must_lie_between_0_and_1()
    {
        Assert.Null(Assert.Single(PluginManifestSerializer.Parse(Valid, "plugin.json").Models).Output.DefaultThreshold);
        var withThreshold = Valid.Replace("\"output\": { \"kind\": \"probabilities\",", "\"output\": { \"kind\": \"probabilities\", \"defaultThreshold\": 0.35,", StringComparison.Ordinal);
        Assert.Equal(0.35, Assert.Single(PluginManifestSerializer.Parse(withThreshold, "plugin.json").Models).Output.DefaultThreshold);

        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(withThreshold.Replace("0.35", "1.2", StringComparison.Ordinal), "plugin.json"));
        Assert.Contains("output.defaultThreshold must be between 0 and 1 (exclusive), got 1.2", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Serialize_round_trips()
    {
        var manifest = PluginManifestSerializer.Parse(Valid, "a");
        var again = PluginManifestSerializer.Parse(PluginManifestSerializer.Serialize(manifest), "b");
        Assert.Equal(PluginManifestSerializer.Serialize(manifest), PluginManifestSerializer.Serialize(again));
        Assert.Contains("\"adjacentSlices\"", PluginManifestSerializer.Serialize(manifest), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Missing_required_property_names_the_source_and_the_property()
    {
        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(Valid.Replace("\"entryType\": \"P.Plugin\",", "", StringComparison.Ordinal), "/x/plugin.json"));
        Assert.StartsWith("/x/plugin.json: invalid manifest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("entryType", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Validator_lists_every_problem()
    {
        var broken = Valid
            .Replace("\"contractVersion\": \"2.0\"", "\"contractVersion\": \"3.0\"", StringComparison.Ordinal)
            .Replace("\"backend\": \"onnxruntime\"", "\"backend\": \" \"", StringComparison.Ordinal)
            .Replace("\"P.dll\"", "\"../P.dll\"", StringComparison.Ordinal)
            .Replace("\"channels\": 3", "\"channels\": 2", StringComparison.Ordinal)
            .Replace("{ \"index\": 1, \"label\": \"liver\", \"category\": { \"code\": \"123037004\", \"scheme\": \"SCT\", \"meaning\": \"Anatomical Structure\" },", "{ \"index\": 2, \"label\": \"liver\",", StringComparison.Ordinal)
            .Replace("\"AB00", "\"XY00", StringComparison.Ordinal);
        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(broken, "plugin.json"));
        Assert.Contains("built against contract 3.0, host implements 2.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("model 'm': 'backend' is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'assembly' '../P.dll' must be a .dll inside the plugin folder", ex.Message, StringComparison.Ordinal);
        Assert.Contains("adjacentSlices needs an odd channel count", ex.Message, StringComparison.Ordinal);
        Assert.Contains("class 'liver' has index 2, expected 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("class 'liver' needs a category and a type code", ex.Message, StringComparison.Ordinal);
        Assert.Contains("needs a 64-digit hex sha256", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_model_runs_on_the_builtin_engine_unless_it_names_a_backend()
    {
        var manifest = PluginManifestSerializer.Parse(Valid.Replace("\"backend\": \"onnxruntime\",", "", StringComparison.Ordinal), "plugin.json");
        Assert.Equal(ExecutionBackends.Builtin, manifest.Models[0].Backend);
        Assert.True(ExecutionBackends.IsBuiltin(manifest.Models[0].Backend));
    }

    [SkippableTheory]
    [InlineData("\"executionBackend\": \"onnxruntime\", \"models\": []", null)]
    [InlineData("\"models\": []", "'models' is empty")]
    [InlineData("\"executionBackend\": \"builtin\", \"models\": []", "'executionBackend' 'builtin' must be a name other than 'builtin'")]
    public void A_backend_plugin_may_serve_no_models_but_must_name_a_backend(string tail, string? problem)
    {
        var json = $$"""{ "id": "b", "name": "B", "version": "1.0.0", "contractVersion": "2.0", "assembly": "B.dll", "entryType": "B.Backend", {{tail}} }""";
        if (problem is null)
        {
            Assert.Equal("onnxruntime", PluginManifestSerializer.Parse(json, "plugin.json").ExecutionBackend);
            return;
        }
        Assert.Contains(problem, Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(json, "plugin.json")).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Bad_json_and_unknown_enum_values_are_reported_with_the_source()
    {
        Assert.StartsWith("s: invalid manifest", Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse("{", "s")).Message, StringComparison.Ordinal);
        var ex = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(Valid.Replace("\"zScore\"", "\"gamma\"", StringComparison.Ordinal), "s"));
        Assert.Contains("kind", ex.Message, StringComparison.Ordinal);
    }
}
