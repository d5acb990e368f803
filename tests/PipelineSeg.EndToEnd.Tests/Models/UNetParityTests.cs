namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// The U-Net plugin reproduces its references through <c>models verify</c> (real CLI, bundled plugin, eval mode):
/// milesial/Pytorch-UNet at full size (its checkpoints as torch.save files) and the variants of tools/reference/unet_variants.py.
/// </summary>
public sealed class UNetParityTests
{
    [SkippableTheory]
    [InlineData("""{"preset":"milesial","n_channels":1,"n_classes":2,"bilinear":false}""", "1,1,32,32", "pth")]
    [InlineData("""{"preset":"milesial","n_channels":3,"n_classes":1,"bilinear":true}""", "1,3,48,48", "legacy")]
    [InlineData("""{"preset":"variant","in_channels":2,"out_channels":3,"depth":2,"base_width":4,"skip":"add","upsampling":"maxunpool"}""", "2,2,20,24", "pth")]
    [InlineData("""{"preset":"variant","in_channels":1,"out_channels":2,"depth":2,"base_width":4,"batch_norm":false,"padding":false,"upsampling":"bilinear"}""", "1,1,44,44", "pth")]
    [InlineData("""{"preset":"variant","in_channels":1,"out_channels":2,"depth":3,"base_width":4,"padding":false}""", "1,1,92,92", "safetensors")]
    [InlineData("""{"preset":"variant","in_channels":1,"out_channels":4,"depth":3,"base_width":6,"skip":"concat","upsampling":"bilinear"}""", "1,1,40,56", "pth")]
    [InlineData("""{"preset":"pipelineseg","in_channels":1,"num_classes":3,"base":4,"depth":2}""", "1,1,16,16", "pth")]
    public void Plugin_output_matches_the_reference(string parameters, string shape, string format)
    {
        using var checkpoint = ReferenceCheckpoint.Write("unet", parameters, shape, format);
        VerifyAssert.Passes(checkpoint.Verify("unet", parameters, "--json"));
    }
}
