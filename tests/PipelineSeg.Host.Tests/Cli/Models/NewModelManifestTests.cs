using PipelineSeg.Host.Cli.Models;
using PipelineSeg.Nn;

namespace PipelineSeg.Host.Tests.Cli.Models;

/// <summary>`models new` matches the labels it is given with the classes the network gives.</summary>
public sealed class NewModelManifestTests
{
    [SkippableTheory]
    [InlineData(OutputActivation.Identity)] // the naive symmetric net's regression head
    [InlineData(OutputActivation.Sigmoid)]
    [InlineData(OutputActivation.Tanh)]
    public void One_foreground_channel_is_background_and_one_class(OutputActivation activation)
    {
        NewModelManifest.CheckClasses(new NetworkDescription(1, 1, activation, 16), labelCount: 2);
        var ex = Assert.Throws<ArgumentException>(() => NewModelManifest.CheckClasses(new NetworkDescription(1, 1, activation, 16), labelCount: 3));
        Assert.Contains("the network gives 2 classes", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Softmax_needs_background_and_a_class()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewModelManifest.CheckClasses(new NetworkDescription(1, 1, OutputActivation.Softmax, 16), labelCount: 2));
        Assert.Contains("at least 2 output channels", ex.Message, StringComparison.Ordinal);
        NewModelManifest.CheckClasses(new NetworkDescription(1, 3, OutputActivation.Softmax, 16), labelCount: 3);
    }

    [SkippableFact]
    public void A_generator_gives_one_mask_channel()
    {
        var ex = Assert.Throws<ArgumentException>(() => NewModelManifest.CheckClasses(new NetworkDescription(1, 3, OutputActivation.Tanh, 16), labelCount: 2));
        Assert.Contains("output_nc must be 1", ex.Message, StringComparison.Ordinal);
    }
}
