using PipelineSeg.Dicom.Rt;
using PipelineSeg.Dicom.Seg;
using PipelineSeg.Pipeline.Applicability;
using PipelineSeg.Pipeline.Outputs.Writers;

namespace PipelineSeg.Pipeline.Outputs.RtStruct;

/// <summary>
/// Output <c>rtstruct</c>: <c>rtstruct.dcm</c>, an RT Structure Set in the source study (its own series, Series Number
/// <see cref="OutputSeriesNumbers.RtStruct"/>, described by model name and version), read back before it counts as written.
/// </summary>
public sealed class RtStructResultWriter : ISeriesResultWriter
{
    /// <summary>File name in the result folder.</summary>
    public const string FileName = "rtstruct.dcm";

    /// <inheritdoc/>
    public string Name => OutputNames.RtStruct;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.Model;
        // Series Description (LO, 64): the model name, cut so that its version and the object type always show.
        var suffix = $" {model.Version} RTSTRUCT";
        var description = $"{model.Name[..Math.Min(model.Name.Length, Math.Max(0, 64 - suffix.Length))]}{suffix}";
        var options = new RtStructureSetWriterOptions
        {
            Algorithm = new SegmentationAlgorithm(model.Name, model.Version),
            Label = "PIPELINESEG",
            SeriesDescription = description.Length > 64 ? description[..64] : description,
            Description = ApplicabilityNote.ContentDescription($"{model.Id} {model.Version}", context.Note),
            SeriesNumber = OutputSeriesNumbers.RtStruct,
        };
        await Task.Run(() => RtStructOutput.Write(Path.Combine(context.Folder, FileName), context.Series, context.Labels, model, options, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return [FileName];
    }
}
