using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.DeepLab.Tests.Plugin;

/// <summary>The family reads the reference constructor's arguments and refuses what the reference refuses, naming it.</summary>
public sealed class DeepLabFamilyTests
{
    [SkippableTheory]
    [InlineData("backbone", "resnet152", "'backbone'")]
    [InlineData("output_stride", "32", "'output_stride'")]
    [InlineData("aux_loss", "true", "'aux_loss'")]
    [InlineData("preset", "deeplabv3plus", "no preset 'deeplabv3plus'")]
    [InlineData("num_classes", "0", "'num_classes'")]
    public void Refuses_a_bad_parameter_by_name(string name, string value, string expected)
    {
        var parameters = new NetworkParameters(new Dictionary<string, string> { [name] = value });
        var e = Assert.Throws<ArgumentException>(() => DeepLabFamily.Describe(parameters));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_plugin_describes_the_network_without_the_critics_parameters()
    {
        // the host checks every manifest's parameters through Describe at load (the bundled sample lists critic_*)
        var parameters = new NetworkParameters(new Dictionary<string, string>
        {
            ["preset"] = "torchvision", ["backbone"] = "resnet18", ["num_classes"] = "2", ["in_channels"] = "1",
            ["critic_base_width"] = "16", ["critic_depth"] = "3",
        });
        Assert.Equal(new NetworkDescription(1, 2, OutputActivation.Softmax, 1), new DeepLabPlugin().Describe(parameters));
        var misspelt = new NetworkParameters(new Dictionary<string, string> { ["backbone"] = "resnet18", ["num_clases"] = "2" });
        Assert.Contains("'num_clases'", Assert.Throws<ArgumentException>(() => new DeepLabPlugin().Describe(misspelt)).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Defaults_are_torchvisions_deeplabv3_resnet50()
    {
        var options = DeepLabFamily.Read(new NetworkParameters(new Dictionary<string, string>()));
        Assert.Equal(new DeepLabOptions("resnet50", 21, 3, 8, 64, 256), options);
        Assert.Equal([12, 24, 36], options.AtrousRates);
        Assert.Equal([false, true, true], options.DilatedLayers);
    }

    [SkippableFact]
    public void State_dict_names_follow_torchvision()
    {
        using var network = DeepLabFamily.Create(new NetworkParameters(new Dictionary<string, string> { ["backbone"] = "resnet18", ["base_width"] = "2", ["aspp_channels"] = "4" }));
        var keys = network.StateDict().Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var key in new[]
        {
            "backbone.conv1.weight", "backbone.bn1.running_var", "backbone.layer1.1.conv2.weight", "backbone.layer2.0.downsample.0.weight",
            "backbone.layer4.0.downsample.1.bias", "classifier.0.convs.0.0.weight", "classifier.0.convs.3.1.running_mean",
            "classifier.0.convs.4.1.weight", "classifier.0.convs.4.2.bias", "classifier.0.project.0.weight", "classifier.0.project.1.weight",
            "classifier.1.weight", "classifier.2.running_mean", "classifier.4.weight", "classifier.4.bias",
        })
        {
            Assert.Contains(key, keys);
        }
        Assert.DoesNotContain(keys, k => k.StartsWith("aux_classifier", StringComparison.Ordinal) || k.StartsWith("backbone.fc", StringComparison.Ordinal));
    }
}
