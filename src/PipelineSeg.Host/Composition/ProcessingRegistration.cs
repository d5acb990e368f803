using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Cli.Routing;
using PipelineSeg.Host.Options;
using PipelineSeg.Pipeline.Batch;
using PipelineSeg.Pipeline.Inference;
using PipelineSeg.Pipeline.Models;
using PipelineSeg.Plugins.Abstractions;
using PipelineSeg.Plugins.Hosting;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers the processing services shared by <c>batch</c>, <c>models</c> and <c>serve</c>.</summary>
internal static class ProcessingRegistration
{
    /// <summary>Plugin model provider (one live catalog per process, hot-reloaded), the batch processor and the result writers.</summary>
    public static IHostApplicationBuilder AddPipelineSegProcessing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var plugins = sp.GetRequiredService<IOptions<PluginsOptions>>().Value;
            var inference = sp.GetRequiredService<IOptions<InferenceOptions>>().Value;
            var options = new PluginCatalogOptions
            {
                SkipFileHashes = !plugins.VerifyHashes,
                CheckModel = NetworkParametersCheck.Check,
                ForwardCancellationGrace = plugins.ForwardCancellationGrace,
                Target = new ExecutionTarget(string.IsNullOrWhiteSpace(inference.Backend) ? null : inference.Backend, ExecutionDevice.Parse(inference.Device))
                {
                    Precision = ExecutionPrecisionNames.Parse(inference.Precision),
                },
            };
            return new PluginCatalogModelProvider(AppPaths.Resolve(plugins.Directory), options, InferenceThreads.Resolve(inference.MaxThreads), sp.GetRequiredService<ILogger<PluginCatalog>>());
        });
        builder.Services.AddSingleton<IModelProvider>(sp => sp.GetRequiredService<PluginCatalogModelProvider>());
        builder.Services.AddSingleton<BatchProcessor>();
        builder.Services.AddSingleton<BatchRequestFactory>();
        builder.Services.AddSingleton<RoutedBatch>();
        builder.Services.AddResultWriters();
        return builder;
    }
}
