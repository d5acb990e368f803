namespace PipelineSeg.Host.Network.Delivery;

/// <summary>
/// One job's results on their way to one destination, as stored in the pending-deliveries folder. <see cref="Sent"/>
/// grows file by file, so a crash or a failure mid-way never sends a delivered file again.
/// </summary>
internal sealed record PendingDelivery
{
    public required string Id { get; init; }

    public required string Destination { get; init; }

    /// <summary>The job's output folder name (the short id), used by folder destinations.</summary>
    public required string Job { get; init; }

    public required List<string> Files { get; init; }

    public List<string> Sent { get; init; } = [];

    public int Attempts { get; init; }

    public DateTimeOffset NextAttempt { get; init; }

    public string? LastError { get; init; }

    /// <summary>Files still to send.</summary>
    public IReadOnlyList<string> Remaining => [.. Files.Except(Sent, StringComparer.Ordinal)];
}
