using PipelineSeg.Plugins.Abstractions;

namespace PipelineSeg.Plugins.UNet;

/// <summary>Architecture of a U-Net, read from the manifest's <c>parameters</c> (names as in tools/training/unet.py).</summary>
/// <param name="InChannels">Input channels.</param>
/// <param name="Classes">Output channels (one per class, background included).</param>
/// <param name="BaseWidth">Channels of the first level; each level below doubles it.</param>
/// <param name="Depth">Number of 2×2 poolings (levels above the bottleneck).</param>
/// <param name="Dropout">Dropout2d probability after the bottleneck (active only for Monte-Carlo sampling).</param>
public sealed record UNetOptions(int InChannels = 1, int Classes = 2, int BaseWidth = 32, int Depth = 4, float Dropout = 0f)
{
    /// <summary>Reads depth, baseWidth and dropout from the manifest; channels and classes from its input and output.</summary>
    /// <exception cref="FormatException">A parameter is not a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside what the network can take.</exception>
    public static UNetOptions FromManifest(ModelManifest model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new UNetOptions(model.Input.Channels, model.Output.Channels, model.GetInt32("baseWidth", 32),
            model.GetInt32("depth", 4), (float)model.GetDouble("dropout", 0));
        options.Validate(model.Input.Height, model.Input.Width);
        return options;
    }

    /// <summary>Checks the values, and that <paramref name="height"/> × <paramref name="width"/> survives Depth halvings.</summary>
    public void Validate(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Classes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Depth, 8);
        if (Dropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "dropout must be in [0, 1)");
        }
        var multiple = 1 << Depth;
        if (height % multiple != 0 || width % multiple != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"input {height}×{width} must be a multiple of {multiple} for depth {Depth}");
        }
    }

    /// <summary>Channels at level <paramref name="level"/> (level Depth is the bottleneck).</summary>
    public int Width(int level) => BaseWidth << level;
}
