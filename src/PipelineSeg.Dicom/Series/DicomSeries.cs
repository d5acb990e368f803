namespace PipelineSeg.Dicom;

/// <summary>
/// One stack of images found by the scanner: a series, or one part of a series that mixed orientations or sizes.
/// Slices are sorted by position along the plane normal (or by Instance Number, with a warning, when positions are
/// missing). <see cref="Problems"/> lists reasons the stack is not a usable volume; <see cref="Warnings"/> lists
/// irregularities that were handled (gaps, duplicates dropped, tilt, fallbacks).
/// </summary>
public sealed record DicomSeries
{
    /// <summary>Study Instance UID.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>Series Instance UID.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>0 for an unsplit series; 1, 2… for the stacks a mixed series was split into.</summary>
    public int StackIndex { get; init; }

    /// <summary>A key unique within a scan: the Series Instance UID, plus "#stack" for split series.</summary>
    public string Key => StackIndex == 0 ? SeriesInstanceUid : $"{SeriesInstanceUid}#{StackIndex}";

    /// <summary>Modality.</summary>
    public string Modality { get; init; } = string.Empty;

    /// <summary>Series Number, when present.</summary>
    public int? SeriesNumber { get; init; }

    /// <summary>Series Description.</summary>
    public string SeriesDescription { get; init; } = string.Empty;

    /// <summary>Frame of Reference UID.</summary>
    public string FrameOfReferenceUid { get; init; } = string.Empty;

    /// <summary>SOP Class UID of the instances (the first one when mixed).</summary>
    public string SopClassUid { get; init; } = string.Empty;

    /// <summary>Rows of every slice.</summary>
    public int Rows { get; init; }

    /// <summary>Columns of every slice.</summary>
    public int Columns { get; init; }

    /// <summary>Samples per Pixel of the first instance: 3 for a colour series (each file is checked when its pixels are read).</summary>
    public int SamplesPerPixel { get; init; } = 1;

    /// <summary>Photometric Interpretation of the first instance (RGB, YBR_FULL… for colour).</summary>
    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";

    /// <summary>True when the pixels are colour (three samples per pixel).</summary>
    public bool IsColour => SamplesPerPixel == 3;

    /// <summary>The slices in volume order (index = z).</summary>
    public required IReadOnlyList<DicomSlice> Slices { get; init; }

    /// <summary>Volume geometry (LPS); null when the stack cannot be placed in space.</summary>
    public DicomGeometry? Geometry { get; init; }

    /// <summary>Distinct transfer syntaxes of the files.</summary>
    public IReadOnlyList<string> TransferSyntaxUids { get; init; } = [];

    /// <summary>Irregularities that were handled (reported, not fatal).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Reasons this stack must not be used as a volume (empty when it can).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>True when the stack can be loaded as a volume.</summary>
    public bool IsVolume => Problems.Count == 0 && Geometry is not null && Slices.Count > 0;

    /// <summary>The distinct files of the stack, in slice order.</summary>
    public IEnumerable<string> FilePaths => Slices.Select(s => s.FilePath).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// A stack described by its first instance's series-level attributes (the assembler's one place for them), with
    /// <paramref name="slices"/> and the distinct transfer syntaxes of <paramref name="instances"/>.
    /// </summary>
    internal static DicomSeries Describe(DicomInstanceHeader first, int stackIndex, IReadOnlyList<DicomSlice> slices,
        IEnumerable<DicomInstanceHeader> instances) => new()
    {
        StudyInstanceUid = first.StudyInstanceUid,
        SeriesInstanceUid = first.SeriesInstanceUid,
        StackIndex = stackIndex,
        Modality = first.Modality,
        SeriesNumber = first.SeriesNumber,
        SeriesDescription = first.SeriesDescription,
        FrameOfReferenceUid = first.FrameOfReferenceUid,
        SopClassUid = first.SopClassUid,
        Rows = first.Rows,
        Columns = first.Columns,
        SamplesPerPixel = first.SamplesPerPixel,
        PhotometricInterpretation = first.PhotometricInterpretation,
        Slices = slices,
        TransferSyntaxUids = instances.Select(h => h.TransferSyntaxUid).Distinct(StringComparer.Ordinal).ToList(),
    };
}
