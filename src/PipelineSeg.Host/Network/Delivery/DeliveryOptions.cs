namespace PipelineSeg.Host.Network.Delivery;

/// <summary>Where results go besides the output folder, and how failed deliveries are retried (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Delivery";

    /// <summary>Destinations; every processed job's result objects go to each one whose pipelines match.</summary>
    public List<DestinationOptions> Destinations { get; } = [];

    /// <summary>Our AE title when sending with C-STORE.</summary>
    public string CallingAeTitle { get; set; } = "PIPELINESEG";

    /// <summary>First retry delay; doubled after each failure up to <see cref="MaxRetryDelay"/>. Retries never stop.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time to wait for a peer's answer (connection, association, each response).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
