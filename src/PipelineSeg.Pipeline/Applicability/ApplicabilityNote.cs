namespace PipelineSeg.Pipeline.Applicability;

/// <summary>The short note the DICOM-SEG carries in Content Description when a warning was raised.</summary>
public static class ApplicabilityNote
{
    /// <summary>Null when nothing is to be said; otherwise a few words that send the reader to report.json.</summary>
    public static string? For(ApplicabilityReport? report) => report?.Action == ApplicabilityAction.Warned
        ? "WARNING outside model card, see report"
        : null;

    /// <summary>Content Description (LO, at most 64 characters): the note first, so that a long model id never cuts it.</summary>
    public static string ContentDescription(string text, string? note)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = note is null ? text : $"{note}: {text}";
        return value.Length <= 64 ? value : value[..64];
    }
}
