using PipelineSeg.Plugins.DeepLab.Tests.Parity;

namespace PipelineSeg.Plugins.DeepLab.Tests.Critic;

/// <summary>The SegAN critic's multiscale L1 distance per slice equals the reference's <c>distance(…, per_sample=True)</c>.</summary>
public sealed class SegAnCriticParityTests
{
    [SkippableTheory]
    [InlineData(1, 16, 3, "3,1,32,32")]
    [InlineData(2, 4, 4, "2,2,48,40")]
    public void Distances_match_the_reference(int channels, int baseWidth, int depth, string shape)
    {
        using var run = ReferenceRun.Script("make_critic_fixture.py",
            $$"""{"in_channels":{{channels}},"base_width":{{baseWidth}},"depth":{{depth}}}""", "{out}", "--shape", shape);
        using var image = run.Tensor("image.npy");
        using var prediction = run.Tensor("prediction.npy");
        using var truth = run.Tensor("truth.npy");
        var expected = PipelineSeg.Tensors.NpyFile.Read(run.File("expected.npy")).AsFloat64().ToArray();
        var critic = new SegAnCritic(channels, baseWidth, depth);
        critic.LoadWeights(run.File("critic.safetensors"));
        critic.Eval();
        using var distance = new SegAnCriticDistance(critic, image.Shape[2], image.Shape[3]);
        var actual = new double[expected.Length];
        distance.Distances(image.Span, prediction.Span, truth.Span, expected.Length, actual);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] > 0, "the fixture's masks differ, so the distance must be positive");
            Assert.InRange(Math.Abs(actual[i] - expected[i]), 0, 1e-5);
        }
    }

    [SkippableFact]
    public void Identical_masks_are_at_distance_zero()
    {
        using var run = ReferenceRun.Script("make_critic_fixture.py", """{"in_channels":1,"base_width":4,"depth":2}""", "{out}", "--shape", "2,1,16,16");
        using var image = run.Tensor("image.npy");
        using var truth = run.Tensor("truth.npy");
        var critic = new SegAnCritic(1, 4, 2);
        critic.LoadWeights(run.File("critic.safetensors"));
        critic.Eval();
        using var distance = new SegAnCriticDistance(critic, 16, 16);
        var actual = new double[2];
        distance.Distances(image.Span, truth.Span, truth.Span, 2, actual);
        Assert.All(actual, d => Assert.Equal(0, d));
    }
}
