using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class PassTests
{
    [SkippableFact]
    public void Ensemble_averages_its_members()
    {
        var pass = new EnsemblePass([new FixedPass(2, _ => 0.2f), new FixedPass(2, _ => 0.6f), new FixedPass(2, i => i)]);
        var output = new float[4];
        pass.Run(new float[2], 1, output, CancellationToken.None);
        float[] expected = [0.8f / 3, 1.8f / 3, 2.8f / 3, 3.8f / 3];
        Assert.All(expected.Zip(output), pair => Assert.Equal(pair.First, pair.Second, 5));
        Assert.Throws<ArgumentException>(() => new EnsemblePass([new FixedPass(2, _ => 0), new FixedPass(3, _ => 0)]));
    }

    [SkippableFact]
    public void Mirroring_twice_restores_and_flips_rows_and_columns()
    {
        var flip = new FlipPass(new FixedPass(1, _ => 0), channels: 1, width: 3, height: 2);
        float[] data = [1, 2, 3, 4, 5, 6];
        flip.MirrorInPlace(data, 1, x: true, y: false);
        Assert.Equal([3f, 2, 1, 6, 5, 4], data);
        flip.MirrorInPlace(data, 1, x: true, y: true);
        Assert.Equal([4f, 5, 6, 1, 2, 3], data);
        flip.MirrorInPlace(data, 1, x: false, y: true);
        Assert.Equal([1f, 2, 3, 4, 5, 6], data);
    }

    [SkippableFact]
    public void Flips_average_the_unflipped_outputs_of_all_four_mirrors()
    {
        // The inner pass answers with its input: mirrored in, mirrored back, so every flip returns the input itself.
        var echo = new EchoPass();
        var flip = new FlipPass(echo, channels: 1, width: 3, height: 2);
        float[] input = [1, 2, 3, 4, 5, 6];
        var output = new float[6];
        flip.Run(input, 1, output, CancellationToken.None);
        Assert.Equal(input, output);
        Assert.Equal(4, echo.Calls);
        // A position-bound pass (ignores its input) is averaged with its mirrors: the mean over the plane everywhere.
        var bound = new FlipPass(new FixedPass(1, i => i), channels: 1, width: 3, height: 2);
        bound.Run(input, 1, output, CancellationToken.None);
        Assert.All(output, v => Assert.Equal(2.5f, v));
    }

    [SkippableFact]
    public void Model_pass_turns_logits_into_probabilities()
    {
        using var model = new ThresholdModel(4, OutputKind.Logits);
        var output = new float[3 * 16];
        new ModelPass(model).Run(new float[16], 1, output, CancellationToken.None);
        for (var p = 0; p < 16; p++)
        {
            Assert.Equal(1f, output[p] + output[16 + p] + output[32 + p], 5);
        }
    }

    [SkippableFact]
    public void Softmax_gives_probabilities_that_sum_to_one()
    {
        float[] logits = [1, -2, 3, 0.5f, 10, 10];
        Softmax.AcrossChannels(logits, batch: 1, channels: 3, plane: 2);
        Assert.Equal(1f, logits[0] + logits[2] + logits[4], 5);
        Assert.Equal(1f, logits[1] + logits[3] + logits[5], 5);
        Assert.True(logits[4] > logits[2] && logits[2] > logits[0]);
    }

    private sealed class EchoPass : IProbabilityPass
    {
        public int Calls { get; private set; }

        public int Classes => 1;

        public void Run(ReadOnlySpan<float> input, int sliceCount, Span<float> probabilities, CancellationToken cancellationToken)
        {
            Calls++;
            input.CopyTo(probabilities);
        }
    }
}
