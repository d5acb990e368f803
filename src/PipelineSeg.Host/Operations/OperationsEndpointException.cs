namespace PipelineSeg.Host.Operations;

/// <summary>The operations endpoint could not start (address in use, not an address of this machine): a configuration error.</summary>
internal sealed class OperationsEndpointException(string message, Exception inner) : Exception(message, inner);
