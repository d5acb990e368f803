namespace PipelineSeg.Dicom.Network.Scp;

/// <summary>The receiver's timers.</summary>
/// <param name="Artim">ARTIM (PS3.8 §9.1.5): how long a new connection may take to send its A-ASSOCIATE-RQ.</param>
/// <param name="Network">How long the receiver waits for the next whole PDU once associated (idle and slow peers).</param>
public sealed record ScpTimeouts(TimeSpan Artim, TimeSpan Network);
