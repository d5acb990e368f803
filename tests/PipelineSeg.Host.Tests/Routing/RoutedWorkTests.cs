using PipelineSeg.Host.Intake.Routing;

namespace PipelineSeg.Host.Tests.Routing;

/// <summary>A routed claim's name carries its pipeline, so a restart queues it without routing again.</summary>
public sealed class RoutedWorkTests
{
    private static readonly string[] Defined = ["liver", "liver-b", "a/b"];

    [SkippableTheory]
    [InlineData("in-0a1b2c", "liver")]
    [InlineData("in-0a1b2c-rest", "liver-b")]
    [InlineData("loose-99", "a/b")]
    public void A_routed_name_reads_back_its_pipeline(string claim, string pipeline)
    {
        var name = RoutedWork.Name(claim, pipeline);
        Assert.True(RoutedWork.IsRouted(name));
        Assert.DoesNotContain('/', name);
        Assert.Equal(pipeline, RoutedWork.PipelineOf(name, Defined));
    }

    [SkippableFact]
    public void A_plain_claim_or_an_undefined_pipeline_is_not_routed()
    {
        Assert.False(RoutedWork.IsRouted("in-0a1b2c"));
        Assert.Null(RoutedWork.PipelineOf("in-0a1b2c", Defined));
        Assert.Null(RoutedWork.PipelineOf("in-0a1b2c~kidney", Defined));
    }

    [SkippableFact]
    public void Results_of_a_routed_claim_go_to_the_pipeline_subfolder()
    {
        Assert.Equal(Path.Combine("/out", "liver-b"), RoutedWork.ResultRoot("/out", RoutedWork.Name("in-1", "liver-b"), "liver-b"));
        Assert.Equal("/out", RoutedWork.ResultRoot("/out", "in-1", "liver"));
        Assert.Equal("..", RoutedWork.Folder("..")[1..]);
        Assert.NotEqual("..", RoutedWork.Folder(".."));
    }
}
