using TestPlugins.Shared;

namespace TestPlugins.BadManifest;

public sealed class BadManifestPlugin : ThresholdPluginBase;
