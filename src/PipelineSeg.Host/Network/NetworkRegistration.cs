using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PipelineSeg.Host.Jobs;
using PipelineSeg.Host.Network.Delivery;
using PipelineSeg.Host.Network.Listener;

namespace PipelineSeg.Host.Network;

/// <summary>Registers the network parts of <c>serve</c>: the DICOM listener and result delivery, with their options validated at start-up.</summary>
internal static class NetworkRegistration
{
    /// <summary>Adds the listener (on when <c>DicomListener:Port</c> is set) and the destinations of <c>Delivery</c>.</summary>
    public static IHostApplicationBuilder AddPipelineSegNetwork(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DicomListenerOptions>().BindConfiguration(DicomListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DicomListenerOptions>, DicomListenerOptionsValidator>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();

        services.AddSingleton<ListenerSettings>();
        services.AddSingleton<InboxSeriesStore>();
        services.AddHostedService<DicomListenerService>();

        services.AddSingleton<ResultDestinations>();
        services.AddSingleton<PendingDeliveries>();
        services.AddSingleton<DeliverySignal>();
        // The job finisher calls it after the results are in place and the journal holds the job as succeeded.
        services.AddSingleton<IJobObserver, DeliveryOutcomes>();
        services.AddHostedService<DeliveryService>();
        return builder;
    }
}
