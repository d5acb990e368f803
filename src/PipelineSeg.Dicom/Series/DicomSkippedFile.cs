namespace PipelineSeg.Dicom;

/// <summary>A file the scanner did not use, and why.</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Reason">Why it was skipped (the exception message names file, tag and offset).</param>
/// <param name="IsDicom">False for files that are not DICOM at all (ignored with a note); true for broken DICOM.</param>
public sealed record DicomSkippedFile(string FilePath, string Reason, bool IsDicom);
