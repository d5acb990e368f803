namespace PipelineSeg.Pipeline.Routing;

/// <summary>
/// The header attributes routing rules look at (no patient identifiers, no pixel data). A null value means the attribute
/// is absent (or, for <see cref="CallingAeTitle"/>, unknown because the series did not arrive over the network).
/// </summary>
public sealed record SeriesAttributes(
    string? Modality,
    string? BodyPartExamined,
    string? SeriesDescription,
    string? ProtocolName,
    string? Manufacturer,
    double? SliceThicknessMm,
    string? CallingAeTitle);
