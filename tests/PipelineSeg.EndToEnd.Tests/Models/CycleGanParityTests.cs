namespace PipelineSeg.EndToEnd.Tests.Models;

/// <summary>
/// The CycleGAN plugin reproduces the junyanz generators (tools/reference/cyclegan_reference.py, upstream module names)
/// through <c>models verify</c>: ResNet generators with reflection padding and instance or batch norm, and U-Net
/// generators whose skips carry the in-place LeakyReLU of upstream.
/// </summary>
public sealed class CycleGanParityTests
{
    [SkippableTheory]
    [InlineData("""{"preset":"junyanz","netG":"resnet_9blocks","input_nc":1,"output_nc":1,"ngf":8,"norm":"instance"}""", "1,1,36,28")]
    [InlineData("""{"netG":"resnet_6blocks","input_nc":2,"output_nc":1,"ngf":4,"norm":"batch","use_dropout":true}""", "2,2,16,16")]
    [InlineData("""{"preset":"junyanz","netG":"unet_256","input_nc":1,"output_nc":1,"ngf":4,"norm":"instance"}""", "1,1,256,256")]
    [InlineData("""{"netG":"unet_128","input_nc":3,"output_nc":2,"ngf":4,"norm":"batch","use_dropout":true}""", "2,3,128,128")]
    [InlineData("""{"netG":"resnet_6blocks","input_nc":1,"output_nc":1,"ngf":4,"norm":"none"}""", "1,1,20,20")]
    public void Plugin_output_matches_the_reference(string parameters, string shape)
    {
        using var checkpoint = ReferenceCheckpoint.Write("cyclegan", parameters, shape);
        VerifyAssert.Passes(checkpoint.Verify("cyclegan", parameters, "--json"));
    }
}
