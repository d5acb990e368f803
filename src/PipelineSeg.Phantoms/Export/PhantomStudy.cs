namespace PipelineSeg.Phantoms.Export;

/// <summary>Identifiers of a phantom's study and CT series (synthetic, never a real patient's).</summary>
public sealed record PhantomStudy(string StudyInstanceUid, string SeriesInstanceUid, string FrameOfReferenceUid, string PatientName, string PatientId);
