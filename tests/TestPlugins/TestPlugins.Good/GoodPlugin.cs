using TestPlugins.Shared;

namespace TestPlugins.Good;

public sealed class GoodPlugin : ThresholdPluginBase;
