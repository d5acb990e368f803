using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Processing;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// How logs name inputs: by id, or for a source not yet split into items by its kind and the watched folder (which
/// is configuration, not patient data). Full input paths only with <c>Service:LogFullPaths</c>.
/// </summary>
internal sealed class IntakeNames(IOptions<ServiceOptions> options, InputIds ids)
{
    /// <summary>An item: its id (and path when asked for).</summary>
    public string Describe(IntakeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!options.Value.LogFullPaths)
        {
            return item.Id;
        }
        return item.Files is null ? $"{item.Id} ({item.Source.Path})" : $"{item.Id} ({item.Files.Count} file(s) in {item.Source.Path})";
    }

    /// <summary>A source before planning: which watched folder and kind (the export's own name only when asked for).</summary>
    public string Describe(IntakeSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind == IntakeSourceKind.LooseFiles)
        {
            return $"loose files in {source.WatchRoot}";
        }
        var id = ids.ForExport(source);
        return options.Value.LogFullPaths ? $"{id} ({source.Path})" : id;
    }
}
