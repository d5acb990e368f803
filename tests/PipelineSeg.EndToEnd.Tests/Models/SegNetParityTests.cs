namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// The SegNet plugin reproduces tools/reference/segnet_reference.py through <c>models verify</c>: the VGG16-BN SegNet
/// with pytorch-semseg's state-dict names (full size, a torch.save checkpoint) and the LiTS naive symmetric net.
/// </summary>
public sealed class SegNetParityTests
{
    [SkippableTheory]
    [InlineData("""{"preset":"segnet-vgg16-bn","n_classes":3,"in_channels":1}""", "1,1,32,32")]
    [InlineData("""{"preset":"naive-symmetric","in_channels":1,"base_width":4,"depth":5}""", "2,1,64,64")]
    [InlineData("""{"preset":"naive-symmetric","in_channels":2,"base_width":3,"depth":3}""", "1,2,24,40")]
    public void Plugin_output_matches_the_reference(string parameters, string shape)
    {
        using var checkpoint = ReferenceCheckpoint.Write("segnet", parameters, shape);
        VerifyAssert.Passes(checkpoint.Verify("segnet", parameters, "--json"));
    }
}
