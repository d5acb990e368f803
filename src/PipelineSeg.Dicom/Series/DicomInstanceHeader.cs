namespace PipelineSeg.Dicom;

/// <summary>What the series scanner keeps from one file's header (no pixel data, no file buffer).</summary>
public sealed record DicomInstanceHeader
{
    /// <summary>Most frames accepted in one instance (bounds the work a hostile header can cause).</summary>
    public const int MaxFrames = 100_000;

    /// <summary>The file.</summary>
    public required string FilePath { get; init; }

    /// <summary>Transfer Syntax UID of the file.</summary>
    public required string TransferSyntaxUid { get; init; }

    /// <summary>SOP Class UID.</summary>
    public required string SopClassUid { get; init; }

    /// <summary>SOP Instance UID.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>Study Instance UID.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>Series Instance UID.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>Modality (CT, MR, SEG…).</summary>
    public string Modality { get; init; } = string.Empty;

    /// <summary>Series Number, when present.</summary>
    public int? SeriesNumber { get; init; }

    /// <summary>Series Description (may be empty).</summary>
    public string SeriesDescription { get; init; } = string.Empty;

    /// <summary>Frame of Reference UID (may be empty).</summary>
    public string FrameOfReferenceUid { get; init; } = string.Empty;

    /// <summary>Rows (0 when the instance is not an image).</summary>
    public int Rows { get; init; }

    /// <summary>Columns (0 when the instance is not an image).</summary>
    public int Columns { get; init; }

    /// <summary>Samples per Pixel: 1 for grey levels, 3 for colour.</summary>
    public int SamplesPerPixel { get; init; } = 1;

    /// <summary>Photometric Interpretation (MONOCHROME2 when absent).</summary>
    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";

    /// <summary>Number of Frames (1 for single-frame images).</summary>
    public int NumberOfFrames { get; init; } = 1;

    /// <summary>Instance Number, when present.</summary>
    public int? InstanceNumber { get; init; }

    /// <summary>Acquisition Number, when present.</summary>
    public int? AcquisitionNumber { get; init; }

    /// <summary>Gantry/Detector Tilt in degrees, when present.</summary>
    public double? GantryTilt { get; init; }

    /// <summary>Per-frame geometry (one entry per frame).</summary>
    public required IReadOnlyList<DicomFrameGeometry> Frames { get; init; }

    /// <summary>Reads the header fields from a parsed dataset.</summary>
    public static DicomInstanceHeader FromFile(DicomFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var ds = file.Dataset;
        var frames = Math.Max(1, ds.GetInt32(DicomTags.NumberOfFrames, 1));
        if (frames > MaxFrames)
        {
            throw new DicomFormatException($"Number of Frames {frames} is implausible (more than {MaxFrames})", file.SourceName,
                DicomTags.NumberOfFrames, null);
        }
        var rows = ds.GetInt32(DicomTags.Rows, 0);
        // Per-frame geometry is only meaningful for images; cap by the functional group count to bound work.
        var perFrameCount = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence).Count;
        var geometryFrames = rows > 0 ? (perFrameCount > 0 ? Math.Min(frames, perFrameCount) : frames) : 1;
        var geometry = new DicomFrameGeometry[Math.Max(1, geometryFrames)];
        for (var i = 0; i < geometry.Length; i++)
        {
            geometry[i] = DicomFrameGeometry.Read(ds, i);
        }
        return new DicomInstanceHeader
        {
            FilePath = file.SourceName,
            TransferSyntaxUid = file.TransferSyntax.Uid,
            SopClassUid = ds.GetString(DicomTags.SOPClassUID) ?? file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID) ?? string.Empty,
            SopInstanceUid = ds.GetString(DicomTags.SOPInstanceUID) ?? file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID) ?? string.Empty,
            StudyInstanceUid = ds.GetString(DicomTags.StudyInstanceUID) ?? string.Empty,
            SeriesInstanceUid = ds.GetString(DicomTags.SeriesInstanceUID) ?? string.Empty,
            Modality = ds.GetString(DicomTags.Modality) ?? string.Empty,
            SeriesNumber = ds.TryGetInt32(DicomTags.SeriesNumber, out var sn) ? sn : null,
            SeriesDescription = ds.GetString(DicomTags.SeriesDescription) ?? string.Empty,
            FrameOfReferenceUid = ds.GetString(DicomTags.FrameOfReferenceUID) ?? string.Empty,
            Rows = rows,
            Columns = ds.GetInt32(DicomTags.Columns, 0),
            SamplesPerPixel = ds.GetInt32(DicomTags.SamplesPerPixel, 1),
            PhotometricInterpretation = ds.GetString(DicomTags.PhotometricInterpretation)?.Trim() ?? "MONOCHROME2",
            NumberOfFrames = frames,
            InstanceNumber = ds.TryGetInt32(DicomTags.InstanceNumber, out var inst) ? inst : null,
            AcquisitionNumber = ds.TryGetInt32(DicomTags.AcquisitionNumber, out var acq) ? acq : null,
            GantryTilt = ds.TryGetDouble(DicomTags.GantryDetectorTilt, out var tilt) ? tilt : null,
            Frames = geometry,
        };
    }

    /// <summary>True for Segmentation Storage and Label Map Segmentation Storage instances.</summary>
    public bool IsSegmentation => SopClasses.IsSegmentation(SopClassUid);
}
