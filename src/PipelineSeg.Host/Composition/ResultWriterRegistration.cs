using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Options.Validation;
using PipelineSeg.Pipeline.Outputs.Nifti;
using PipelineSeg.Pipeline.Outputs.RtStruct;
using PipelineSeg.Pipeline.Outputs.Writers;
using PipelineSeg.Reporting.Html;
using PipelineSeg.Reporting.Overlays.Output;

namespace PipelineSeg.Host.Composition;

/// <summary>Registers the result writers (one <see cref="ISeriesResultWriter"/> per output name) and their start-up check.</summary>
internal static class ResultWriterRegistration
{
    /// <summary>The writers of this build, the catalog that picks them by name, and the check of every pipeline's outputs.</summary>
    public static IServiceCollection AddResultWriters(this IServiceCollection services)
    {
        services.AddResultWriter<RtStructResultWriter>();
        services.AddResultWriter<NiftiResultWriter>();
        services.AddResultWriter<HtmlReportWriter>();
        services.AddResultWriter<OverlayResultWriter>();
        services.AddOptions<OverlayOutputOptions>().BindConfiguration(OverlayOutputOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResultWriterCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelinesOptions>, PipelineOutputsValidator>());
        return services;
    }

    /// <summary>Adds one writer; another project's writer (overlays, HTML) is added the same way.</summary>
    public static IServiceCollection AddResultWriter<T>(this IServiceCollection services) where T : class, ISeriesResultWriter
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISeriesResultWriter, T>());
        return services;
    }
}
