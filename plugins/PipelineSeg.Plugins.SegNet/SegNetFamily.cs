using PipelineSeg.Nn;

namespace PipelineSeg.Plugins.SegNet;

/// <summary>
/// SegNet presets: <c>segnet-vgg16-bn</c> (pytorch-semseg's <c>segnet(n_classes, in_channels)</c>, softmax classes) and
/// <c>naive-symmetric</c> (tools/reference/segnet_reference.py <c>NaiveSymmetricNet(in_channels, base_width, depth)</c>,
/// the LiTS study's 5-level net with a one-channel regression head scored with generalized Jaccard).
/// </summary>
public static class SegNetFamily
{
    /// <summary>Family name.</summary>
    public const string Name = "segnet";

    /// <summary>Presets, the default first.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["segnet-vgg16-bn", "naive-symmetric"];

    /// <summary>What the network of <paramref name="parameters"/> takes and gives.</summary>
    public static NetworkDescription Describe(NetworkParameters parameters) => Read(parameters).Description;

    /// <summary>Builds the network (fresh weights, eval mode).</summary>
    public static Module Create(NetworkParameters parameters) => Read(parameters).Create();

    private static (NetworkDescription Description, Func<Module> Create) Read(NetworkParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var preset = NetworkParameters.CheckPreset(Name, p.Preset(Presets[0]), Presets);
        (NetworkDescription, Func<Module>) result;
        if (preset == "naive-symmetric")
        {
            var (cin, width, depth) = (p.Int("in_channels", 1), p.Int("base_width", 64), p.Int("depth", 5));
            result = (new NetworkDescription(cin, 1, OutputActivation.Identity, 1 << depth), () => new NaiveSymmetricNet(cin, width, depth));
        }
        else
        {
            var (classes, cin) = (p.Int("n_classes", 21), p.Int("in_channels", 3));
            result = (new NetworkDescription(cin, classes, OutputActivation.Softmax, 32), () => new SegNetVgg16Bn(classes, cin));
        }
        p.ThrowIfUnused(Name, preset);
        return result;
    }
}
