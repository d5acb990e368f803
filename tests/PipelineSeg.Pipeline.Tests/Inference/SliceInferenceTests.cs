using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Postprocessing;
using PipelineSeg.Pipeline.Tests.Fakes;
using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Pipeline.Tests.Inference;

public sealed class SliceInferenceTests
{
    /// <summary>A 48×48×5 volume: air, a 60 HU block (liver band) with a 200 HU core (lesion band).</summary>
    private static Volume<float> Blocks(int n = 48, int depth = 5)
    {
        var v = new Volume<float>(n, n, depth, VolumeGeometry.WithSpacing(2, 2, 3));
        v.Span.Fill(-1000);
        for (var z = 0; z < depth; z++)
        {
            for (var y = 8; y < 40; y++)
            {
                for (var x = 8; x < 40; x++)
                {
                    v[x, y, z] = x is >= 20 and < 30 && y is >= 20 and < 30 ? 200 : 100;
                }
            }
        }
        return v;
    }

    [SkippableTheory]
    [InlineData(OutputKind.Probabilities)]
    [InlineData(OutputKind.Logits)]
    public void Labels_come_back_on_the_source_grid(OutputKind kind)
    {
        var hu = Blocks();
        using var model = new ThresholdModel(size: 32, kind: kind);

        var probabilities = SliceInference.Run(hu, model, slicesPerBatch: 2, CancellationToken.None);
        var labels = LabelMapBuilder.ArgmaxWithThreshold(probabilities, 0.5);

        Assert.Equal(hu.Size, labels.Size);
        Assert.Equal(hu.Geometry, labels.Geometry);
        Assert.Equal(3, model.Calls); // 5 slices in batches of 2
        Assert.Equal(0, labels[2, 2, 0]);
        Assert.Equal(1, labels[12, 12, 4]);
        Assert.Equal(2, labels[25, 25, 2]);
        foreach (var p in probabilities.Volumes.Select(v => v[30, 12, 1]))
        {
            Assert.InRange(p, 0f, 1f);
        }
    }

    [SkippableFact]
    public void Input_is_resized_to_the_model_size_and_windowed()
    {
        using var model = new ThresholdModel(size: 32);
        SliceInference.Run(Blocks(), model, slicesPerBatch: 8, CancellationToken.None);

        var input = Assert.Single(model.Inputs);
        Assert.Equal(5 * 32 * 32, input.Length);
        Assert.All(input, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(0f, input[0]); // air clipped to the window's lower edge
        Assert.Equal(0.625f, input[(16 * 32) + 8], 3); // 100 HU inside the block: (100 + 150) / 400
    }

    [SkippableFact]
    public void Adjacent_slice_layout_fills_neighbours_repeating_the_edges()
    {
        var hu = new Volume<float>(32, 32, 3, VolumeGeometry.WithSpacing(1, 1, 1));
        for (var z = 0; z < 3; z++)
        {
            hu.Slice(z).Fill(z * 100);
        }
        using var model = new ThresholdModel(size: 32, channels: 3, layout: ChannelLayout.AdjacentSlices);
        SliceInference.Run(hu, model, slicesPerBatch: 3, CancellationToken.None);

        var input = model.Inputs[0];
        var plane = 32 * 32;
        float Channel(int slice, int c) => input[((slice * 3) + c) * plane];
        Assert.Equal([Channel(0, 0), Channel(0, 1), Channel(0, 2)], new[] { 0.375f, 0.375f, 0.625f });
        Assert.Equal([Channel(2, 0), Channel(2, 1), Channel(2, 2)], new[] { 0.625f, 0.875f, 0.875f });
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
}
