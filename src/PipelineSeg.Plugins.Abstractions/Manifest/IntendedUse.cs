namespace PipelineSeg.Plugins.Abstractions;

/// <summary>
/// The model card (<c>intendedUse</c> in plugin.json): what the model was made for, what it was trained and validated
/// on, and what a plausible result looks like. The pipeline checks every series against it before inference and every
/// result after it (see docs/model-card.md); empty lists and null ranges mean "not stated, not checked".
/// </summary>
public sealed class IntendedUse
{
    /// <summary>One sentence a reader sees in reports, e.g. "synthetic abdominal phantoms, demonstration only".</summary>
    public required string Summary { get; init; }

    /// <summary>True when the model is for research or demonstration only, never for patient care.</summary>
    public bool ResearchOnly { get; init; }

    /// <summary>Accepted DICOM Modality values, e.g. <c>CT</c>.</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>Accepted Body Part Examined (0018,0015) values, e.g. <c>ABDOMEN</c>.</summary>
    public IReadOnlyList<string> BodyParts { get; init; } = [];

    /// <summary>Accepted Anatomic Region Sequence (0008,2218) codes, e.g. SCT 818981001 "Abdomen"; either list may match.</summary>
    public IReadOnlyList<CodedConcept> BodyPartCodes { get; init; } = [];

    /// <summary>Accepted Patient Position (0018,5100) values, e.g. <c>HFS</c>, <c>FFS</c>.</summary>
    public IReadOnlyList<string> PatientPositions { get; init; } = [];

    /// <summary>Accepted image planes from Image Orientation (Patient): <c>axial</c>, <c>coronal</c>, <c>sagittal</c>.</summary>
    public IReadOnlyList<string> Planes { get; init; } = [];

    /// <summary>Accepted in-plane pixel spacing (mm, the larger of row and column spacing).</summary>
    public ValueRange? InPlaneSpacingMm { get; init; }

    /// <summary>Accepted slice thickness (mm; the slice spacing when Slice Thickness is absent).</summary>
    public ValueRange? SliceThicknessMm { get; init; }

    /// <summary>Accepted in-plane field of view (mm, the larger of width and height).</summary>
    public ValueRange? FieldOfViewMm { get; init; }

    /// <summary>Intensities of the training data inside the body after the model's own normalisation.</summary>
    public IntensityHistogram? Intensity { get; init; }

    /// <summary>What the model was trained on.</summary>
    public TrainingData? TrainingData { get; init; }

    /// <summary>Figures measured on data the model never saw in training.</summary>
    public IReadOnlyList<ValidationFigure> Validation { get; init; } = [];

    /// <summary>What a plausible result looks like, per output class (by label).</summary>
    public IReadOnlyList<SegmentExpectation> Segments { get; init; } = [];
}
