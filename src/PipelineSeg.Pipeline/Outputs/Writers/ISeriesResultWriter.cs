namespace PipelineSeg.Pipeline.Outputs.Writers;

/// <summary>
/// One extra result object written for each segmented series (RT Structure Set, overlay images, NIfTI, HTML…), beside the
/// DICOM-SEG and report.json. Implementations are registered by the Host and chosen by name per pipeline
/// (<c>Pipelines:&lt;name&gt;:Outputs</c>) or per run (<c>batch --outputs</c>); <see cref="OutputNames"/> lists the names.
/// </summary>
public interface ISeriesResultWriter
{
    /// <summary>The name users choose it by, lowercase (one of <see cref="OutputNames.Known"/>).</summary>
    string Name { get; }

    /// <summary>
    /// Writes the object(s) into <see cref="SeriesResultContext.Folder"/> and returns the files written, relative to that
    /// folder (report.json names them). Throws when the result cannot be written or does not read back as meant; the
    /// series then fails with that reason.
    /// </summary>
    Task<IReadOnlyList<string>> WriteAsync(SeriesResultContext context, CancellationToken cancellationToken);
}
