using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Health;

/// <summary>One JSON shape for a health report, in health.json and at <c>/health</c> alike.</summary>
internal static class HealthReportJson
{
    /// <summary>Status, check time, total duration and every check with its status, description and data.</summary>
    public static string Serialize(HealthReport report, DateTimeOffset checkedUtc)
    {
        ArgumentNullException.ThrowIfNull(report);
        var payload = new
        {
            Status = report.Status.ToString(),
            CheckedUtc = checkedUtc,
            TotalMs = report.TotalDuration.TotalMilliseconds,
            Checks = report.Entries.ToDictionary(e => e.Key, e => new { Status = e.Value.Status.ToString(), e.Value.Description, e.Value.Data }),
        };
        return JsonSerializer.Serialize(payload, ReportJson.Options);
    }
}
