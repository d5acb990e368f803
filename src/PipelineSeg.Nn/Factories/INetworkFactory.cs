namespace PipelineSeg.Nn;

/// <summary>
/// A model family that builds its raw network (no pre- or post-processing) from the constructor arguments of the PyTorch
/// reference implementation plus a <c>preset</c> naming that implementation, e.g.
/// <c>{"preset":"milesial","n_channels":1,"n_classes":2,"bilinear":false}</c>. Family plugins on the builtin engine
/// implement it beside their entry interface; <c>pipelineseg models verify|new</c> use it. It lives in the engine (shared
/// with the host) so the plugin contract stays engine-free.
/// </summary>
public interface INetworkFactory
{
    /// <summary>The family name, e.g. <c>unet</c>.</summary>
    string Family { get; }

    /// <summary>Presets this family builds; the first is the default when the parameters name none.</summary>
    IReadOnlyList<string> Presets { get; }

    /// <summary>What the network built from <paramref name="parameters"/> takes and gives.</summary>
    /// <exception cref="ArgumentException">An unknown preset or parameter, or a bad value; the message names it.</exception>
    NetworkDescription Describe(NetworkParameters parameters);

    /// <summary>Builds the network with fresh weights in eval mode; load a state dict before use.</summary>
    /// <exception cref="ArgumentException">An unknown preset or parameter, or a bad value; the message names it.</exception>
    Module CreateNetwork(NetworkParameters parameters);
}
