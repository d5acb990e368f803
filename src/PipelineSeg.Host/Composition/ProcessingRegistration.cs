using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Cli.Routing;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers the processing services shared by <c>batch</c>, <c>models</c> and <c>serve</c>.</summary>
internal static class ProcessingRegistration
{
    /// <summary>Plugin model provider (one catalog per process), the batch processor and the result writers.</summary>
    public static IHostApplicationBuilder AddPipelineSegProcessing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IModelProvider>(sp =>
        {
            var plugins = sp.GetRequiredService<IOptions<PluginsOptions>>().Value;
            var inference = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            return new PluginCatalogModelProvider(AppPaths.Resolve(plugins.Directory), plugins.VerifyHashes, inference.MaxThreads,
                sp.GetRequiredService<ILogger<PluginCatalog>>());
        });
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<BatchRequestFactory>();
        builder.Services.AddSingleton<RoutedBatch>();
        builder.Services.AddResultWriters();
        return builder;
    }
}
