namespace PipelineSeg.Host.Network.Delivery;

/// <summary>A destination refused or answered a delivery unexpectedly (the delivery stays pending).</summary>
public sealed class DeliveryFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeliveryFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeliveryFailedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DeliveryFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
