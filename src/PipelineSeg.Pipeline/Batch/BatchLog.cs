using Microsoft.Extensions.Logging;

namespace PipelineSeg.Pipeline.Batch;

/// <summary>Source-generated batch logs. They name series by UID and files by path, never by patient.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Found {Candidates} series to segment, {GroundTruth} ground-truth SEG(s), {Rejected} rejected input(s), {Ignored} non-DICOM file(s) in {Directory}")]
    public static partial void Scanned(ILogger logger, int candidates, int groundTruth, int rejected, int ignored, string directory);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Ignored non-DICOM file {File} (relative to the input)")]
    public static partial void Ignored(ILogger logger, string file);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Segmented series {Series} ({Slices} slices) in {ElapsedMs:F0} ms")]
    public static partial void Segmented(ILogger logger, string series, int slices, double elapsedMs);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Quarantined {Name}: {Reason}")]
    public static partial void Quarantined(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Skipped series {Series}: {Reason}")]
    public static partial void Skipped(ILogger logger, string series, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Series {Series}: {Segment} Dice {Dice:F4} against ground truth")]
    public static partial void Dice(ILogger logger, string series, string segment, double dice);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "No DICOM series found in {Directory}")]
    public static partial void NothingFound(ILogger logger, string directory);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "Results of series {Series} not written (input not quarantined): {Reason}")]
    public static partial void OutputFailed(ILogger logger, string series, string reason);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Removed quarantine entry {Folder}: its input succeeded now")]
    public static partial void QuarantineCleared(ILogger logger, string folder);
}
