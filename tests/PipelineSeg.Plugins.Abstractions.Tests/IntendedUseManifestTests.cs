using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.Abstractions.Tests;

/// <summary>The model card (<c>intendedUse</c>): parsing, round trip, and validation errors that name the field.</summary>
public sealed class IntendedUseManifestTests
{
    private const string Card = """
        "intendedUse": {
          "summary": "synthetic abdominal phantoms, demonstration only", "researchOnly": true,
          "modalities": ["CT"], "bodyParts": ["ABDOMEN"], "bodyPartCodes": [{ "code": "818981001", "scheme": "SCT", "meaning": "Abdomen" }],
          "patientPositions": ["FFS", "HFS"], "planes": ["axial"],
          "inPlaneSpacingMm": { "min": 0.5, "max": 3 }, "sliceThicknessMm": { "min": 1, "max": 5 }, "fieldOfViewMm": { "min": 300, "max": 420 },
          "intensity": { "bodyThreshold": -500, "min": 0, "max": 1, "frequencies": [0.25, 0.5, 0.25], "maxDistance": 0.05 },
          "trainingData": { "name": "phantoms", "cases": 60, "licence": "generated" },
          "validation": [{ "metric": "dice", "segment": "liver", "value": 0.93, "dataset": "seeds 0-9" }],
          "segments": [{ "label": "liver", "volumeMl": { "min": 100, "max": 3000 }, "components": { "min": 1, "max": 1 }, "alwaysPresent": true }]
        },
        """;

    private static string Manifest(string card) => $$"""
        {
          "id": "p", "name": "P", "version": "1.0.0", "contractVersion": "2.0", "assembly": "P.dll", "entryType": "P.Plugin",
          "models": [ {
            "id": "m", "name": "M", "version": "1.0.0", "family": "unet",
            "input": { "height": 64, "width": 64, "intensity": { "kind": "window", "center": 50, "width": 400 } },
            {{card}}
            "output": { "classes": [
              { "index": 0, "label": "background", "isBackground": true },
              { "index": 1, "label": "liver", "category": { "code": "123037004", "scheme": "SCT", "meaning": "Anatomical Structure" },
                "type": { "code": "10200004", "scheme": "SCT", "meaning": "Liver" } } ] }
          } ]
        }
        """;

    [SkippableFact]
    public void Parses_the_card_and_round_trips()
    {
        var manifest = PluginManifestSerializer.Parse(Manifest(Card), "plugin.json");
        var card = Assert.Single(manifest.Models).IntendedUse!;
        Assert.Equal("synthetic abdominal phantoms, demonstration only", card.Summary);
        Assert.True(card.ResearchOnly);
        Assert.Equal(["CT"], card.Modalities);
        Assert.Equal(new CodedConcept("818981001", "SCT", "Abdomen"), Assert.Single(card.BodyPartCodes));
        Assert.Equal((0.5, 3.0), (card.InPlaneSpacingMm!.Min, card.InPlaneSpacingMm.Max));
        Assert.Equal([0.25, 0.5, 0.25], card.Intensity!.Frequencies);
        Assert.Equal(60, card.TrainingData!.Cases);
        Assert.Equal(0.93, Assert.Single(card.Validation).Value);
        var liver = Assert.Single(card.Segments);
        Assert.True(liver.AlwaysPresent);
        Assert.True(liver.Components!.Contains(1) && !liver.Components.Contains(2));
        var again = PluginManifestSerializer.Serialize(PluginManifestSerializer.Parse(PluginManifestSerializer.Serialize(manifest), "b"));
        Assert.Equal(PluginManifestSerializer.Serialize(manifest), again);
    }

    [SkippableFact]
    public void A_manifest_without_a_card_stays_valid()
    {
        Assert.Null(Assert.Single(PluginManifestSerializer.Parse(Manifest(string.Empty), "plugin.json").Models).IntendedUse);
    }

    [SkippableTheory]
    [InlineData("\"inPlaneSpacingMm\": { \"min\": 0.5, \"max\": 3 }", "\"inPlaneSpacingMm\": { \"min\": 3, \"max\": 0.5 }", "models[0].intendedUse.inPlaneSpacingMm: min > max")]
    [InlineData("\"sliceThicknessMm\": { \"min\": 1, \"max\": 5 }", "\"sliceThicknessMm\": { \"min\": 0, \"max\": 5 }", "models[0].intendedUse.sliceThicknessMm: min must be positive")]
    [InlineData("[0.25, 0.5, 0.25]", "[0.25, 0.5, 0.5]", "models[0].intendedUse.intensity.frequencies: must sum to 1, got 1.25")]
    [InlineData("\"maxDistance\": 0.05", "\"maxDistance\": 0", "models[0].intendedUse.intensity.maxDistance: must be positive")]
    [InlineData("\"planes\": [\"axial\"]", "\"planes\": [\"oblique\"]", "models[0].intendedUse.planes[0]: 'oblique' is not one of axial, coronal, sagittal")]
    [InlineData("{ \"label\": \"liver\"", "{ \"label\": \"spleen\"", "models[0].intendedUse.segments[0].label: 'spleen' is not a foreground output class")]
    [InlineData("\"components\": { \"min\": 1, \"max\": 1 }", "\"components\": { \"min\": 2, \"max\": 1 }", "models[0].intendedUse.segments[0].components: min > max")]
    [InlineData("\"segment\": \"liver\"", "\"segment\": \"kidney\"", "models[0].intendedUse.validation[0].segment: 'kidney' is not an output class")]
    [InlineData("\"cases\": 60", "\"cases\": 0", "models[0].intendedUse.trainingData.cases: must be positive, got 0")]
    [InlineData("\"summary\": \"synthetic abdominal phantoms, demonstration only\"", "\"summary\": \" \"", "models[0].intendedUse.summary: is empty")]
    public void Errors_name_the_field(string valid, string broken, string message)
    {
        Assert.Contains(valid, Card, StringComparison.Ordinal);
        var e = Assert.Throws<PluginManifestException>(() => PluginManifestSerializer.Parse(Manifest(Card.Replace(valid, broken, StringComparison.Ordinal)), "plugin.json"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_bundled_phantom_model_says_what_it_is_for()
    {
        var manifest = PluginManifestSerializer.Parse(File.ReadAllText(TestPaths.Repo("plugins", "PipelineSeg.Plugins.UNet", "plugin.json")), "plugin.json");
        var card = manifest.Models.Single(m => m.Id == "unet-liver-phantom").IntendedUse!;
        Assert.Equal("synthetic abdominal phantoms, demonstration only", card.Summary);
        Assert.True(card.ResearchOnly);
        Assert.Equal(["CT"], card.Modalities);
        Assert.Contains("ABDOMEN", card.BodyParts);
        Assert.Equal(1, card.Intensity!.Frequencies.Sum(), 3);
        Assert.Contains(card.Segments, s => s.Label == "liver" && s.AlwaysPresent);
    }
}
