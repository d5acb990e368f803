namespace PipelineSeg.Dicom.Codecs;

/// <summary>One item of encapsulated Pixel Data: where its item tag starts and where its bytes are (offsets in the value).</summary>
internal readonly record struct Fragment(int ItemOffset, int DataOffset, int Length);
