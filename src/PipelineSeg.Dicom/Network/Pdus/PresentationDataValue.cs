namespace PipelineSeg.Dicom.Network.Pdus;

/// <summary>One PDV of a P-DATA-TF (PS3.8 §9.3.5.1, Annex E.2): a fragment of a command or data set.</summary>
/// <param name="ContextId">The presentation context it travels on.</param>
/// <param name="IsCommand">Message control header bit 0: command (true) or data set fragment.</param>
/// <param name="IsLast">Message control header bit 1: the last fragment of the command or data set.</param>
/// <param name="Data">The fragment.</param>
public sealed record PresentationDataValue(byte ContextId, bool IsCommand, bool IsLast, ReadOnlyMemory<byte> Data);
