namespace PipelineSeg.Nn;

/// <summary>How a network's output is read.</summary>
public enum OutputActivation
{
    /// <summary>Logits, softmax over channels gives class probabilities.</summary>
    Softmax,

    /// <summary>One logit per channel, sigmoid gives a foreground probability.</summary>
    Sigmoid,

    /// <summary>The network ends with tanh (an image in [-1, 1], e.g. a CycleGAN generator producing a mask).</summary>
    Tanh,

    /// <summary>A regression output used as is.</summary>
    Identity,
}
