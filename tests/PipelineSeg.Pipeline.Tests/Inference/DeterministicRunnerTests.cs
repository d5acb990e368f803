using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Slabs;
using PipelineSeg.Pipeline.Tests.Fakes;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class DeterministicRunnerTests
{
    [SkippableFact]
    public void Probabilities_handed_back_are_reused_and_fully_rewritten()
    {
        var calls = 0;
        var runner = new DeterministicRunner(new FixedPass(2, i => calls + i), width: 3, height: 2);
        var input = new ModelInputSlab(0, 2, new float[2 * 3 * 2]);

        calls = 1;
        var first = runner.Run(input);
        var kept = runner.Run(input with { First = 2 }); // not handed back: a second array
        first.Release!.Invoke();
        calls = 100;
        var reused = runner.Run(input with { First = 4 });
        var shorter = runner.Run(new ModelInputSlab(6, 1, new float[3 * 2])); // the last slab of a series

        Assert.NotSame(first.Probabilities, kept.Probabilities);
        Assert.Same(first.Probabilities, reused.Probabilities);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => 100f + i), reused.Probabilities); // no value of the earlier slab left
        Assert.Equal(12, shorter.Probabilities.Length);
        Assert.Equal(4, reused.First);
    }
}
