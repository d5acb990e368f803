using System.Globalization;

namespace PipelineSeg.Phantoms.Series;

/// <summary>
/// Who and what a synthetic series claims to be (synthetic, never a real patient's). <see cref="Named"/> derives every
/// UID from a name, so writing the same name twice gives the same files.
/// </summary>
/// <param name="Name">The name the SOP Instance UIDs are derived from (e.g. "phantom/7").</param>
/// <param name="StudyInstanceUid">Study Instance UID.</param>
/// <param name="SeriesInstanceUid">Series Instance UID.</param>
/// <param name="FrameOfReferenceUid">Frame of Reference UID.</param>
/// <param name="PatientName">Patient's Name (PN).</param>
/// <param name="PatientId">Patient ID.</param>
/// <param name="StudyId">Study ID (SH).</param>
/// <param name="SeriesDescription">Series Description.</param>
public sealed record SyntheticSeriesIdentity(string Name, string StudyInstanceUid, string SeriesInstanceUid, string FrameOfReferenceUid,
    string PatientName = "SYNTHETIC", string PatientId = "SYNTHETIC", string StudyId = "1", string SeriesDescription = "Synthetic CT")
{
    /// <summary>The identity whose UIDs are all derived from <paramref name="name"/>.</summary>
    public static SyntheticSeriesIdentity Named(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new SyntheticSeriesIdentity(name,
            DeterministicUid.From($"{name}/study"),
            DeterministicUid.From($"{name}/series"),
            DeterministicUid.From($"{name}/frame-of-reference"));
    }

    /// <summary>The SOP Instance UID of slice <paramref name="slice"/> (0 = first written).</summary>
    public string SopInstanceUid(int slice) => DeterministicUid.From($"{Name}/ct/{slice.ToString(CultureInfo.InvariantCulture)}");
}
