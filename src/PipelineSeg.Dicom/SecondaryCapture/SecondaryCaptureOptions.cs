namespace PipelineSeg.Dicom.SecondaryCapture;

/// <summary>Series-level attributes of a Secondary Capture series written beside a source series.</summary>
public sealed record SecondaryCaptureOptions
{
    /// <summary>Series Description (LO, at most 64 characters), e.g. the model and its version.</summary>
    public required string SeriesDescription { get; init; }

    /// <summary>Series Number of the new series.</summary>
    public required int SeriesNumber { get; init; }

    /// <summary>Derivation Description (ST): how the images were made.</summary>
    public string DerivationDescription { get; init; } = string.Empty;

    /// <summary>A fixed Series Instance UID (tests); null generates one.</summary>
    public string? SeriesInstanceUid { get; init; }

    /// <summary>Text burned into the pixels (legend, "not for diagnosis"): Burned In Annotation YES.</summary>
    public bool BurnedInAnnotation { get; init; } = true;

    /// <summary>Manufacturer.</summary>
    public string Manufacturer { get; init; } = "PipelineSeg";

    /// <summary>Software Versions.</summary>
    public string SoftwareVersions { get; init; } = "0.1.0";
}
