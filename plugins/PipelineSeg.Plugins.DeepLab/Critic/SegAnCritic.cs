using PipelineSeg.Nn;
using PipelineSeg.Tensors;

namespace PipelineSeg.Plugins.DeepLab;

/// <summary>
/// The SegAN critic of tools/reference/deeplabv3_reference.py <c>SegAnCritic(in_channels, base_width, depth)</c>:
/// <c>layers.0</c> = Sequential(Conv2d 4×4 stride 2, LeakyReLU 0.2), <c>layers.i</c> = Sequential(Conv2d 4×4 stride 2,
/// BatchNorm2d, LeakyReLU 0.2), widths base_width · 2^i. Its features are the input and every layer's output.
/// </summary>
public sealed class SegAnCritic : Module
{
    private readonly ModuleList layers;

    /// <summary>Builds the critic (fresh weights).</summary>
    public SegAnCritic(int inChannels, int baseWidth, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        InChannels = inChannels;
        var list = new List<Module>();
        var cin = inChannels;
        for (var i = 0; i < depth; i++)
        {
            var cout = baseWidth << i;
            var conv = new Conv2d(cin, cout, 4, stride: 2, padding: 1, bias: false);
            list.Add(i == 0 ? new Sequential(conv, new LeakyReLU(0.2f)) : new Sequential(conv, new BatchNorm2d(cout), new LeakyReLU(0.2f)));
            cin = cout;
        }
        layers = RegisterModule("layers", new ModuleList([.. list]));
    }

    /// <summary>Channels of the (masked) image it takes.</summary>
    public int InChannels { get; }

    /// <summary>The input (shared) followed by each layer's output; the caller disposes every tensor.</summary>
    public IReadOnlyList<Tensor> Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var features = new List<Tensor>(layers.Count + 1) { input.Share() };
        try
        {
            foreach (var layer in layers)
            {
                features.Add(layer.Forward(features[^1]));
            }
            return features;
        }
        catch
        {
            features.ForEach(f => f.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        var features = Features(input);
        for (var i = 0; i < features.Count - 1; i++)
        {
            features[i].Dispose();
        }
        return features[^1];
    }
}
