using Microsoft.Extensions.Options;
using PipelineSeg.Host.Composition;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>Every output a pipeline names (<c>Pipelines:&lt;name&gt;:Outputs</c>) must be installed in this build.</summary>
internal sealed class PipelineOutputsValidator(ResultWriterCatalog catalog) : IValidateOptions<PipelinesOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelinesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Empty means the default (seg); unknown names are reported by the definition's own validation.
        var errors = options.Definitions.SelectMany(kv => catalog.NotInstalled(kv.Value.Outputs, $"Pipelines:{kv.Key}:Outputs")).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
