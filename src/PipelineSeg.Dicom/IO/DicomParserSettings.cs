namespace PipelineSeg.Dicom;

/// <summary>Encoding and limits the parser works under.</summary>
internal readonly record struct DicomParserSettings(
    bool ExplicitVR,
    bool BigEndian,
    string? SourceName,
    long BaseOffset,
    bool BufferIsPrefix,
    Func<DicomTag, bool>? StopAt,
    int MaxDepth,
    int MaxElements);
