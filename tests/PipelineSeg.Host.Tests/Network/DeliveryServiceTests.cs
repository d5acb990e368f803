using PipelineSeg.Dicom;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using PipelineSeg.Dicom.Network.Scp;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Network.Delivery;
using PipelineSeg.Host.Options;
using PipelineSeg.Host.Tests.Intake;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace PipelineSeg.Host.Tests.Network;

/// <summary>Delivery is durable and exact: a refused file stays pending, a retry sends only what is missing, never a delivered file again.</summary>
public sealed class DeliveryServiceTests : IAsyncDisposable
{
    private readonly string _root = TestPaths.NewTempDirectory("delivery");
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CountingStoreHandler _peer = new();
    private readonly DicomScp _scp;

    public DeliveryServiceTests()
    {
        _scp = new DicomScp(new DicomScpSettings
        {
            EndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Policy = new ScpPolicy { AeTitle = "PACS" },
            Timeouts = new ScpTimeouts(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)),
            IncomingDirectory = Path.Combine(_root, "pacs"),
        }, _peer, NullLogger<DicomScp>.Instance);
        _scp.Start();
    }

    [SkippableFact]
    public async Task A_refused_file_stays_pending_and_the_retry_sends_only_it()
    {
        var results = Directory.CreateDirectory(Path.Combine(_root, "out", "job-1")).FullName;
        var first = WriteResult(results, "a.dcm", "2.25.1001");
        var second = WriteResult(results, "b.dcm", "2.25.1002");
        Assert.Equal([first, second], ResultFiles.In(results));

        var delivery = new DeliveryOptions { InitialRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(20) };
        delivery.Destinations.Add(new DestinationOptions { Name = "pacs", Type = DestinationType.DicomStore, Address = $"PACS@127.0.0.1:{_scp.LocalEndPoint.Port}" });
        var pending = new PendingDeliveries(Directories());
        using var destinations = new ResultDestinations(MsOptions.Create(delivery));
        var service = new DeliveryService(pending, destinations, new DeliverySignal(), MsOptions.Create(delivery), _clock, NullLogger<DeliveryService>.Instance);
        Assert.True(pending.TryAdd(new PendingDelivery { Id = "job-1-pacs", Destination = "pacs", Job = "job-1", Files = [first, second], NextAttempt = _clock.GetUtcNow() }));

        _peer.Refuse["2.25.1002"] = true;
        await service.DeliverAsync(Assert.Single(pending.All()), CancellationToken.None);
        var stillPending = Assert.Single(pending.All());
        Assert.Equal([first], stillPending.Sent);
        Assert.Equal(1, stillPending.Attempts);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(5), stillPending.NextAttempt);
        Assert.Contains("status A700", stillPending.LastError, StringComparison.Ordinal);

        _peer.Refuse.Clear();
        await service.DeliverAsync(stillPending, CancellationToken.None);
        Assert.Empty(pending.All());
        Assert.Equal(1, _peer.Received["2.25.1001"]);
        Assert.Equal(1, _peer.Received["2.25.1002"]);
    }

    [SkippableFact]
    public async Task Backoff_doubles_up_to_the_maximum_while_the_destination_is_down()
    {
        var results = Directory.CreateDirectory(Path.Combine(_root, "out", "job-2")).FullName;
        var file = WriteResult(results, "a.dcm", "2.25.2001");
        var delivery = new DeliveryOptions { InitialRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(3) };
        delivery.Destinations.Add(new DestinationOptions { Name = "down", Type = DestinationType.DicomStore, Address = $"PACS@127.0.0.1:{FreePort()}" });
        var pending = new PendingDeliveries(Directories());
        using var destinations = new ResultDestinations(MsOptions.Create(delivery));
        var service = new DeliveryService(pending, destinations, new DeliverySignal(), MsOptions.Create(delivery), _clock, NullLogger<DeliveryService>.Instance);
        pending.TryAdd(new PendingDelivery { Id = "job-2-down", Destination = "down", Job = "job-2", Files = [file], NextAttempt = _clock.GetUtcNow() });
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            await service.DeliverAsync(Assert.Single(pending.All()), CancellationToken.None);
            delays.Add(Assert.Single(pending.All()).NextAttempt - _clock.GetUtcNow());
        }
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], delays);
        Assert.Contains("cannot connect", Assert.Single(pending.All()).LastError, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _scp.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private ServiceDirectories Directories()
    {
        var intake = MsOptions.Create(new IntakeOptions());
        return new(MsOptions.Create(new ServiceOptions { DataDirectory = Path.Combine(_root, "data") }), intake, MsOptions.Create(new HealthOptions()),
            MsOptions.Create(new JournalOptions()), new WatchLayouts(intake));
    }

    private static string WriteResult(string folder, string name, string sopInstance)
    {
        var dataset = new DicomDataset();
        dataset.SetString(DicomTags.SOPClassUID, DicomVR.UI, SopClasses.CtImageStorage);
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstance);
        dataset.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, "2.25.7");
        dataset.SetString(DicomTags.SeriesInstanceUID, DicomVR.UI, "2.25.8");
        var path = Path.Combine(folder, name);
        DicomWriter.WriteFile(path, dataset);
        return path;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
