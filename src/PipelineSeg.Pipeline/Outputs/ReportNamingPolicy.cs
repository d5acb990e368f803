using System.Text.Json;

namespace PipelineSeg.Pipeline.Outputs;

/// <summary>camelCase, except that leading acronyms stay whole ("IoU" → "iou", not "ioU"), as report readers expect.</summary>
public sealed class ReportNamingPolicy : JsonNamingPolicy
{
    /// <summary>The single instance.</summary>
    public static ReportNamingPolicy Instance { get; } = new();

    /// <inheritdoc />
    public override string ConvertName(string name) =>
        name switch
        {
            "IoU" => "iou",
            _ => CamelCase.ConvertName(name),
        };
}
