namespace PipelineSeg.Pipeline.Inference;

/// <summary>Softmax over the channel axis of [N, C, H·W] logits, in place (max-subtracted for stability).</summary>
public static class Softmax
{
    /// <summary>Turns logits into probabilities per pixel.</summary>
    public static void AcrossChannels(Span<float> data, int batch, int channels, int plane)
    {
        for (var n = 0; n < batch; n++)
        {
            var block = data.Slice(n * channels * plane, channels * plane);
            for (var p = 0; p < plane; p++)
            {
                var max = float.NegativeInfinity;
                for (var c = 0; c < channels; c++)
                {
                    max = Math.Max(max, block[(c * plane) + p]);
                }
                var sum = 0f;
                for (var c = 0; c < channels; c++)
                {
                    var e = MathF.Exp(block[(c * plane) + p] - max);
                    block[(c * plane) + p] = e;
                    sum += e;
                }
                for (var c = 0; c < channels; c++)
                {
                    block[(c * plane) + p] /= sum;
                }
            }
        }
    }
}
