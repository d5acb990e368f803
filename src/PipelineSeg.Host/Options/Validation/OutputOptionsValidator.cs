using Microsoft.Extensions.Options;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Outputs;

namespace PipelineSeg.Host.Options.Validation;

/// <summary>RLE needs 8-bit frames: refused at start-up while a pipeline writes a BINARY (1-bit) SEG, not at the first series.</summary>
internal sealed class OutputOptionsValidator(IOptions<PipelinesOptions> pipelines) : IValidateOptions<OutputOptions>
{
    public ValidateOptionsResult Validate(string? name, OutputOptions options)
    {
        if (options.SegCompression != SegmentationCompression.Rle)
        {
            return ValidateOptionsResult.Success;
        }
        var binary = pipelines.Value.Definitions.Where(p => p.Value.SegEncoding == SegEncoding.Binary).Select(p => p.Key).ToList();
        return binary.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Output:SegCompression rle needs 8-bit LABELMAP SEGs, but pipeline(s) {string.Join(", ", binary)} write BINARY (1-bit) SEGs; use deflate or none, or SegEncoding LabelMap");
    }
}
