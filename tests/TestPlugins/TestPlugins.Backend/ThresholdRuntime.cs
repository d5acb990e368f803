using System.Globalization;
using PipelineSeg.Plugins.Abstractions;
using TestPlugins.Shared;

namespace TestPlugins.Backend;

/// <summary>An execution backend plugin: runs threshold models listed by other plugins, as a step instead of a logistic.</summary>
public sealed class ThresholdRuntime : IExecutionBackend
{
    public string Name => "threshold-runtime";

    public ISegmentationModel CreateModel(ModelManifest model, ModelCreationContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        var file = model.FindFile("weights") ?? throw new InvalidOperationException($"model '{model.Id}' lists no weights file");
        var threshold = float.Parse(File.ReadAllText(context.ResolveFile(file.Path)).Trim(), CultureInfo.InvariantCulture);
        return new ThresholdModel(model, threshold, v => v >= 0 ? 1f : 0f);
    }
}
