using System.Net;

namespace PipelineSeg.Dicom.Network.Association;

/// <summary>Who is on the other end of an association, for handlers and logs.</summary>
/// <param name="Id">Short id of this association (logs, staging names).</param>
/// <param name="CallingAeTitle">The requester's AE title.</param>
/// <param name="CalledAeTitle">The AE title it called.</param>
/// <param name="RemoteEndPoint">The peer's address.</param>
public sealed record AssociationInfo(string Id, string CallingAeTitle, string CalledAeTitle, EndPoint? RemoteEndPoint);
