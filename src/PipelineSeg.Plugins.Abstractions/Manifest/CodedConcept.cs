namespace PipelineSeg.Plugins.Abstractions;

/// <summary>A DICOM coded concept (Code Value, Coding Scheme Designator, Code Meaning), e.g. (10200004, SCT, "Liver").</summary>
/// <param name="Code">Code Value, e.g. <c>10200004</c>.</param>
/// <param name="Scheme">Coding Scheme Designator, e.g. <c>SCT</c>.</param>
/// <param name="Meaning">Code Meaning, e.g. <c>Liver</c>.</param>
public sealed record CodedConcept(string Code, string Scheme, string Meaning);
