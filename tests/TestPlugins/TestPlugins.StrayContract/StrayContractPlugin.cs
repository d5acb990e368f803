using TestPlugins.Shared;

namespace TestPlugins.StrayContract;

public sealed class StrayContractPlugin : ThresholdPluginBase;
