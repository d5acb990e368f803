using System.Globalization;
using PipelineSeg.Plugins.Abstractions;

namespace TestPlugins.Shared;

/// <summary>Creates <see cref="ThresholdModel"/>s; the threshold comes from the model's "weights" file.</summary>
public abstract class ThresholdPluginBase : ISegmentationModelPlugin
{
    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var file = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no weights file");
        var threshold = float.Parse(File.ReadAllText(context.ResolveFile(file.Path)).Trim(), CultureInfo.InvariantCulture);
        return new ThresholdModel(model, threshold, Logistic);
    }

    /// <summary>The squashing function; plugins may take it from a private dependency.</summary>
    protected virtual Func<float, float>? Logistic => null;
}
