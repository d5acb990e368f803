using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Backends.Torch.Families;

/// <summary>
/// Rebuilds one native family (or preset) as TorchSharp modules whose state-dict keys are the family plugin's, so its
/// <c>weights</c> file loads unchanged. <see cref="NativeFamilies"/> finds every implementation in this assembly (a
/// non-abstract class with a parameterless constructor): adding a family is adding its builder file, no list to edit.
/// </summary>
internal interface INativeFamilyBuilder
{
    /// <summary>What it builds, for the supported list and messages, e.g. "unet (preset pipelineseg)".</summary>
    string Supports { get; }

    /// <summary>Whether <paramref name="model"/>'s family and preset are this builder's.</summary>
    bool Accepts(ModelManifest model);

    /// <summary>The network of <paramref name="model"/>'s parameters, fresh weights on the CPU (loaded by the caller).</summary>
    /// <exception cref="ArgumentException">A parameter is out of range or disagrees with the manifest's channels.</exception>
    NativeNetwork Build(ModelManifest model);
}
