namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// The DeepLabV3 plugin reproduces torchvision's own <c>deeplabv3_resnet50(num_classes=2, aux_loss=False)</c> from a
/// checkpoint written by that class (tools/reference/make_torchvision_checkpoint.py; our reference never saw it), and
/// tools/reference/deeplabv3_reference.py for the output-stride-16 ResNet-18 the sample uses, through <c>models verify</c>.
/// </summary>
public sealed class DeepLabParityTests
{
    [SkippableFact]
    public void Plugin_output_matches_torchvisions_own_deeplabv3_resnet50()
    {
        const string parameters = """{"preset":"torchvision","backbone":"resnet50","num_classes":2}""";
        using var checkpoint = ReferenceCheckpoint.Write("deeplabv3", parameters, "1,3,64,48", script: "make_torchvision_checkpoint.py");
        VerifyAssert.Passes(checkpoint.Verify("deeplabv3", parameters, "--json"));
    }

    [SkippableFact]
    public void Plugin_output_matches_the_reference_resnet18_at_output_stride_16()
    {
        const string parameters = """{"preset":"torchvision","backbone":"resnet18","num_classes":2,"in_channels":1,"output_stride":16,"base_width":16,"aspp_channels":64}""";
        using var checkpoint = ReferenceCheckpoint.Write("deeplabv3", parameters, "2,1,96,80", format: "safetensors");
        VerifyAssert.Passes(checkpoint.Verify("deeplabv3", parameters, "--json"));
    }
}
