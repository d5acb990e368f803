using Microsoft.Extensions.Options;
using PipelineSeg.Host.Intake.Storage;
using PipelineSeg.Host.Options;

namespace PipelineSeg.Host.Intake;

/// <summary>
/// How logs name a source before it is claimed: by a keyed id (export folders) or by the watched folder (loose files,
/// configuration rather than patient data). Full input paths only with <c>Service:LogFullPaths</c>. After the claim
/// an input is named by its work name and job id.
/// </summary>
internal sealed class IntakeNames(IOptions<ServiceOptions> options, InputIds ids)
{
    /// <summary>A source: which watched folder and kind (the export's own name only when asked for).</summary>
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
