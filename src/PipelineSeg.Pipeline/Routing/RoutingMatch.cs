namespace PipelineSeg.Pipeline.Routing;

/// <summary>
/// The conditions of a rule; every one that is set must hold. Plain strings compare case-insensitively after trimming;
/// <see cref="SeriesDescription"/> and <see cref="ProtocolName"/> are regular expressions (case-insensitive, searched).
/// </summary>
public sealed class RoutingMatch
{
    /// <summary>Modality, e.g. CT.</summary>
    public string? Modality { get; set; }

    /// <summary>Body Part Examined, e.g. ABDOMEN.</summary>
    public string? BodyPartExamined { get; set; }

    /// <summary>Regular expression searched in Series Description.</summary>
    public string? SeriesDescription { get; set; }

    /// <summary>Regular expression searched in Protocol Name.</summary>
    public string? ProtocolName { get; set; }

    /// <summary>Manufacturer, e.g. SIEMENS.</summary>
    public string? Manufacturer { get; set; }

    /// <summary>Slice thickness range.</summary>
    public ThicknessRange? SliceThicknessMm { get; set; }

    /// <summary>Calling AE title of the sender (known only for series received by the DICOM listener).</summary>
    public string? CallingAeTitle { get; set; }

    /// <summary>True when no condition is set (such a rule would match everything, which is what the default is for).</summary>
    public bool IsEmpty => Modality is null && BodyPartExamined is null && SeriesDescription is null && ProtocolName is null
        && Manufacturer is null && SliceThicknessMm is null && CallingAeTitle is null;
}
