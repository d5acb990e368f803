using System.Text.Json;
using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.DeepLab.Tests.Parity;

/// <summary>
/// The plugin's DeepLabV3 reproduces tools/reference/deeplabv3_reference.py (eval mode, random weights and BN statistics,
/// a torch.save checkpoint loaded strictly, so every state-dict key must match): each backbone, both output strides,
/// odd input sizes (the final and image-pooling upsampling are bilinear with align_corners=False).
/// </summary>
public sealed class DeepLabParityTests
{
    private const double Tolerance = 1e-4;

    [SkippableTheory]
    [InlineData("""{"backbone":"resnet18","num_classes":3,"in_channels":1,"output_stride":16,"base_width":8,"aspp_channels":16}""", "2,1,64,64")]
    [InlineData("""{"backbone":"resnet34","num_classes":2,"in_channels":2,"output_stride":8,"base_width":4,"aspp_channels":8}""", "1,2,45,37")]
    [InlineData("""{"backbone":"resnet50","num_classes":2,"in_channels":1,"output_stride":16,"base_width":4,"aspp_channels":16}""", "1,1,50,66")]
    [InlineData("""{"backbone":"resnet101","num_classes":4,"in_channels":3,"output_stride":8,"base_width":2,"aspp_channels":8}""", "1,3,33,40")]
    [InlineData("""{"preset":"torchvision","backbone":"resnet18","num_classes":2,"in_channels":1,"output_stride":16}""", "1,1,96,96")]
    public void Network_output_matches_the_reference(string parameters, string shape)
    {
        using var run = ReferenceRun.Script("make_checkpoint.py", "deeplabv3", parameters, "{out}", "--shape", shape);
        var difference = Run(parameters, run);
        Assert.InRange(difference, 0, Tolerance);
    }

    /// <summary>Runs the plugin's network on the reference checkpoint and input; the max abs difference to the reference output.</summary>
    internal static double Run(string parameters, ReferenceRun run)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(parameters)!
            .ToDictionary(p => p.Key, p => p.Value.ToString());
        using var network = DeepLabFamily.Create(new NetworkParameters(values));
        network.LoadWeights(run.File("model.pth"));
        network.Eval();
        using var input = run.Tensor("input.npy");
        using var expected = run.Tensor("expected.npy");
        using var output = network.Forward(input);
        Assert.Equal(expected.Shape.ToArray(), output.Shape.ToArray());
        return MaxAbs.Difference(expected.Span, output.Span);
    }
}
