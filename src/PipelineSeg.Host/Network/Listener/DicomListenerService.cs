using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PipelineSeg.Dicom.Network.Scp;

namespace PipelineSeg.Host.Network.Listener;

/// <summary>
/// Runs the DICOM listener inside <c>serve</c> when <c>DicomListener:Port</c> is set, and hands idle series to the
/// intake once a second. A port that cannot be bound stops the service with the reason (a listener that silently
/// is not there would lose a PACS's sends).
/// </summary>
internal sealed class DicomListenerService(ListenerSettings settings, InboxSeriesStore store, TimeProvider time,
    ILogger<DicomListenerService> logger, ILogger<DicomScp> scpLogger) : BackgroundService
{
    private DicomScp? _scp;

    /// <summary>The running listener (null when off), for health and tests.</summary>
    public DicomScp? Scp => _scp;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }
        store.ClearStaging();
        _scp = new DicomScp(settings.Build(), store, scpLogger);
        try
        {
            _scp.Start();
        }
        catch (SocketException e)
        {
            NetworkLog.ListenerFailed(logger, e.Message);
            throw new InvalidOperationException($"DicomListener: cannot listen on {settings.Build().EndPoint}: {e.Message}", e);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                store.PublishIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scp is not null)
        {
            await _scp.DisposeAsync().ConfigureAwait(false);
        }
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }
}
