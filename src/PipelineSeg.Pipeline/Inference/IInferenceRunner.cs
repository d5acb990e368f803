using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Inference;

/// <summary>The inference stage: a prepared slab in, class probabilities (and uncertainty when sampled) out.</summary>
public interface IInferenceRunner
{
    /// <summary>Probabilities of the slab's slices at the model size.</summary>
    ProbabilitySlab Run(ModelInputSlab slab, CancellationToken cancellationToken = default);
}
