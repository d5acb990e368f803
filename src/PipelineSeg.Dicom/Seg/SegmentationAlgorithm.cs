namespace PipelineSeg.Dicom.Seg;

/// <summary>The algorithm that produced the segments (Segmentation Algorithm Identification, type AUTOMATIC).</summary>
/// <param name="Name">Algorithm Name, e.g. the model name.</param>
/// <param name="Version">Algorithm Version.</param>
public sealed record SegmentationAlgorithm(string Name, string Version)
{
    /// <summary>Algorithm Family; default DCM 123110 Artificial Intelligence.</summary>
    public CodedConcept Family { get; init; } = CodedConcept.ArtificialIntelligence;

    /// <summary>Algorithm Parameters (optional free text).</summary>
    public string? Parameters { get; init; }
}
