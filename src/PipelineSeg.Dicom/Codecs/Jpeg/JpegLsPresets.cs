namespace PipelineSeg.Dicom.Codecs.Jpeg;

/// <summary>JPEG-LS preset coding parameters from an LSE marker (T.87 C.2.4.1.1); 0 = use the default.</summary>
internal readonly record struct JpegLsPresets(int MaxValue, int T1, int T2, int T3, int Reset);
