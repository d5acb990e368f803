using PipelineSeg.Imaging;
using PipelineSeg.Pipeline.Slabs;

namespace PipelineSeg.Pipeline.Stages;

/// <summary>
/// Sees each slab's model input before the model runs and learns when slices are labelled, for figures that judge the
/// model input against the labels (the critic distance) without reading the series a second time. An observer keeps
/// only the inputs it will need: the labels of a slice tell it whether it will.
/// </summary>
public interface IModelInputObserver
{
    /// <summary>Takes what it needs from <paramref name="input"/> (on the inference thread; the tensor is lent: copy what is kept).</summary>
    void AddInput(ModelInputSlab input, CancellationToken cancellationToken);

    /// <summary>
    /// Slices <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 of <paramref name="labels"/>
    /// are labelled (on the labelling task, before the 3-D clean-up, which only removes foreground or fills holes enclosed in a slice's own).
    /// </summary>
    void Labelled(Volume<byte> labels, int first, int count);
}
