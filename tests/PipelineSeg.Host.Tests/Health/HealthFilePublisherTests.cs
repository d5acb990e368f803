using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Host.Health;
using PipelineSeg.Host.Tests.Intake;

namespace PipelineSeg.Host.Tests.Health;

public sealed class HealthFilePublisherTests
{
    [SkippableFact]
    public async Task Overlapping_publishes_leave_one_whole_report_in_the_data_directory()
    {
        using var service = new ServiceFixture();
        using var publisher = new HealthFilePublisher(service.Directories, TimeProvider.System);

        // Reports of different lengths published at once (a slow check makes the publisher's timer overlap).
        await Task.WhenAll(Enumerable.Range(1, 40).Select(n => Task.Run(() => publisher.PublishAsync(Report(n), CancellationToken.None))));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(service.Directories.HealthFile));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal([Path.GetFileName(service.Directories.HealthFile)], Directory.GetFiles(service.Directories.Data).Select(Path.GetFileName));
    }

    private static HealthReport Report(int checks) => new(
        Enumerable.Range(0, checks).ToDictionary(i => $"check-{i}", i => new HealthReportEntry(HealthStatus.Healthy, new string('x', i), TimeSpan.Zero, null, null)),
        TimeSpan.Zero);
}
