using TestPlugins.Dependency;
using TestPlugins.Shared;

namespace TestPlugins.PrivateDependency;

public sealed class PrivateDependencyPlugin : ThresholdPluginBase
{
    protected override Func<float, float>? Logistic => Squash.Logistic;
}
