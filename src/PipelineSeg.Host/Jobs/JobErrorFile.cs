using System.Text.Json;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Jobs;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Jobs;

/// <summary>
/// <c>error.json</c> beside a failed input in failed/&lt;name&gt;/: reason, stage, exception type, time, attempts and the
/// pipeline, plugin and model versions. No patient attribute: the reason names series by UID at most.
/// </summary>
internal static class JobErrorFile
{
    /// <summary>File name inside the failed input's folder.</summary>
    public const string FileName = "error.json";

    /// <summary>Writes error.json into <paramref name="folder"/> (flushed, then renamed into place).</summary>
    public static void Write(string folder, JobRecord job, JobFault fault, int attempts, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(fault);
        var record = new
        {
            JobId = job.Id,
            Reason = fault.Message,
            fault.Stage,
            fault.ExceptionType,
            Kind = fault.Transient ? "transient" : "permanent",
            Attempts = attempts,
            Time = time,
            job.Request.Pipeline,
            job.Request.PipelineVersion,
            PluginVersion = job.Request.ModelVersion,
            job.Request.SeriesUidHash,
            job.Request.ContentHash,
        };
        Directory.CreateDirectory(folder);
        Durable.WriteText(Path.Combine(folder, FileName), JsonSerializer.Serialize(record, ReportJson.Options));
    }

    /// <summary>The reason recorded in <paramref name="folder"/>'s error.json, or null.</summary>
    public static string? ReadReason(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("stage", out var stage) && document.RootElement.TryGetProperty("reason", out var reason)
                ? $"{stage.GetString()}: {reason.GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
