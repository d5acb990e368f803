using PipelineSeg.Pipeline.Inference;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class InferenceThreadsTests
{
    [SkippableFact]
    public void Automatic_leaves_one_core_to_the_side_stages_and_a_setting_wins()
    {
        Assert.Equal(Math.Max(1, Environment.ProcessorCount - 1), InferenceThreads.Resolve(0));
        Assert.Equal(3, InferenceThreads.Resolve(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => InferenceThreads.Resolve(-1));
    }
}
