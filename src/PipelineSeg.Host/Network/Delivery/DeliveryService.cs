using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PipelineSeg.Dicom;

namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// Sends pending deliveries that are due, one at a time. A failure leaves the delivery pending with the error and a
/// later attempt (exponential backoff, capped; never given up); each file confirmed by the destination is recorded at
/// once, so a retry sends only what is missing and nothing is sent twice after success.
/// </summary>
internal sealed class DeliveryService(PendingDeliveries pending, ResultDestinations destinations, DeliverySignal signal,
    IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!destinations.Any)
        {
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var delivery in pending.All().Where(d => d.NextAttempt <= time.GetUtcNow()))
                {
                    await DeliverAsync(delivery, stoppingToken).ConfigureAwait(false);
                }
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown: what is pending stays pending.
        }
    }

    /// <summary>One attempt at <paramref name="delivery"/>.</summary>
    internal async Task DeliverAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var destination = destinations.Find(delivery.Destination);
        var current = delivery;
        try
        {
            if (destination is null)
            {
                throw new DeliveryFailedException($"destination '{delivery.Destination}' is no longer configured");
            }
            var missing = current.Files.Where(f => !File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                throw new DeliveryFailedException($"{missing.Count} result file(s) are gone from the output folder");
            }
            await destination.SendAsync(current.Job, current.Remaining, sent =>
            {
                current = current with { Sent = [.. current.Sent, .. sent] };
                pending.Save(current);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
            pending.Complete(current.Id);
            NetworkLog.Delivered(logger, current.Id, current.Files.Count, destination.Describe());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is DeliveryFailedException or DicomException or IOException
            or HttpRequestException or UnauthorizedAccessException or OperationCanceledException)
        {
            var attempts = current.Attempts + 1;
            var o = options.Value;
            var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.InitialRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 30))));
            try
            {
                pending.Save(current with { Attempts = attempts, NextAttempt = time.GetUtcNow() + delay, LastError = e.Message });
                NetworkLog.DeliveryPending(logger, current.Id, destination?.Describe() ?? delivery.Destination, attempts, e.Message, delay);
            }
            catch (IOException io)
            {
                NetworkLog.DeliveryStateFailed(logger, current.Id, io.Message);
            }
        }
    }
}
