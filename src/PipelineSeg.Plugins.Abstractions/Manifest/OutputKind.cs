namespace PipelineSeg.Plugins.Abstractions;

/// <summary>Meaning of a model's output values.</summary>
public enum OutputKind
{
    /// <summary>Per-pixel class probabilities (softmax applied; sum to 1 over channels).</summary>
    Probabilities,

    /// <summary>Per-pixel unnormalised class scores; the pipeline applies softmax.</summary>
    Logits,

    /// <summary>An image (e.g. a CycleGAN generator's translated slice), same size as the input.</summary>
    Image,

    /// <summary>One value per channel and slice (e.g. a critic's quality score).</summary>
    Score,
}
